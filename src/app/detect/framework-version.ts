import semver from "semver";
import { installedVersion } from "./lockfile.js";

// Whether the framework version an app runs is older than a version it needs: the version installed
// in node_modules when there is one, else the newest the range in package.json can install. A range
// semver cannot read (`workspace:*`, a tag, a URL) is taken as new enough.

/** The installed version, or the range as written, when it is older than `since`; else undefined. */
export function olderThan(
  since: string,
  name: string,
  range: string | undefined,
  nodeModulesDirs: readonly string[],
): string | undefined {
  const installed = installedVersion(name, nodeModulesDirs);
  if (installed) return semver.valid(installed) && semver.lt(installed, since) ? installed : undefined;
  const readable = semver.validRange(range ?? "");
  if (!readable || semver.intersects(readable, `>=${since}`, { includePrerelease: true })) return undefined;
  return range;
}
