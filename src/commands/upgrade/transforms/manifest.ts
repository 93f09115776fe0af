import semver from "semver";
import type { Project } from "../../../app/detect/project.js";
import { type DependencyName, versions } from "../../../support/versions.js";

/** The packages whose v4-ready versions this tool pins: raised to them when the app is below. */
const RAISED: readonly DependencyName[] = ["inngest", "@inngest/test", "@inngest/agent-kit"];

export interface RaisedDependencies {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  notes: string[];
}

/**
 * package.json's Inngest packages as v4 needs them, each in the section it is in, with the app's
 * own range operator (`^3.44.0` becomes `^4.24.0`); packages v4 took in or this tool does not pin
 * are noted.
 */
export function raiseInngestPackages(project: Pick<Project, "manifest">): RaisedDependencies {
  const raised: RaisedDependencies = { dependencies: {}, devDependencies: {}, notes: [] };
  for (const section of ["dependencies", "devDependencies"] as const) {
    const entries = (project.manifest[section] ?? {}) as Record<string, string>;
    for (const [name, range] of Object.entries(entries)) {
      if ((RAISED as readonly string[]).includes(name)) {
        const target = versions[name as DependencyName];
        const lowest = semver.validRange(range) ? semver.minVersion(range) : null;
        if (lowest === null) {
          raised.notes.push(
            `package.json asks for ${name} "${range}": set it to ${target} (the version this upgrade was tested with).`,
          );
          continue;
        }
        if (semver.lt(lowest, target)) raised[section][name] = `${/^[\^~]/.exec(range.trim())?.[0] ?? ""}${target}`;
      } else if (name === "@inngest/realtime") {
        raised.notes.push(
          `@inngest/realtime moved into inngest v4 as "inngest/realtime": import from there and remove ${name} from package.json.`,
        );
      } else if (name.startsWith("@inngest/")) {
        raised.notes.push(`${name} ${range} was left as it is: check that its version supports inngest v4.`);
      }
    }
  }
  return raised;
}
