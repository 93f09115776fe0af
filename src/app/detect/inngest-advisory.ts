import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";

/** inngest releases whose serve endpoint can leak `process.env` (CVE-2026-42047, fixed in 3.54.0). */
const EXPOSED = ">=3.22.0 <3.54.0";

/**
 * The one-line warning for an app whose inngest is in the CVE-2026-42047 range: the version its
 * node_modules holds (looked up from the app to the install root), else the lowest its range allows.
 */
export function inngestAdvisory(
  dir: string,
  installDir: string,
  manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> },
): string | undefined {
  const range = manifest.dependencies?.inngest ?? manifest.devDependencies?.inngest;
  if (typeof range !== "string") return undefined;
  const version =
    installedVersion(dir, installDir) ?? (semver.validRange(range) ? semver.minVersion(range)?.version : undefined);
  if (version === undefined || !semver.satisfies(version, EXPOSED)) return undefined;
  return `inngest ${version} is affected by CVE-2026-42047 (3.22.0 to 3.53.1 can leak process.env in answers to PATCH, OPTIONS and DELETE on the serve endpoint): upgrade to 3.54.0 or later, or to v4 with --upgrade.`;
}

function installedVersion(dir: string, installDir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    const file = path.join(at, "node_modules", "inngest", "package.json");
    if (existsSync(file)) {
      try {
        const version = JSON.parse(readFileSync(file, "utf8")).version;
        return typeof version === "string" ? version : undefined;
      } catch {
        return undefined;
      }
    }
    if (at === installDir || at === path.dirname(at)) return undefined;
  }
}
