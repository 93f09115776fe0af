import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// Whether the framework version an app runs is older than a version it needs: the version installed
// in node_modules when there is one, else the newest the range in package.json can install. A range
// this cannot read (`>=4`, `4 || 5`, a tag) is taken as new enough.

type Version = [major: number, minor: number, patch: number];

/** The installed version, or the range as written, when it is older than `since`; else undefined. */
export function olderThan(
  since: string,
  name: string,
  range: string | undefined,
  nodeModulesDirs: readonly string[],
): string | undefined {
  const installed = installedVersion(name, nodeModulesDirs);
  const newest = installed ? parseVersion(installed) : newestInRange(range ?? "");
  const wanted = parseVersion(since);
  if (!newest || !wanted || compare(newest, wanted) >= 0) return undefined;
  return installed ?? range;
}

function installedVersion(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    const manifest = path.join(dir, "node_modules", name, "package.json");
    if (!existsSync(manifest)) continue;
    try {
      const version = JSON.parse(readFileSync(manifest, "utf8")).version;
      if (typeof version === "string") return version;
    } catch {
      // an unreadable manifest tells nothing: the range decides
    }
  }
  return undefined;
}

/** `4.15.2`, `4.15` or `v4` as numbers; missing or `x` parts are unbounded. */
function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?/.exec(text.trim());
  if (!match) return undefined;
  const part = (value: string | undefined) => (value === undefined || !/^\d+$/.test(value) ? Infinity : Number(value));
  return [Number(match[1]), part(match[2]), part(match[3])];
}

/** The highest version a simple range (`4.15.2`, `~4.15.0`, `^3.2.0`, `4.15.x`) allows. */
function newestInRange(range: string): Version | undefined {
  const match = /^(\^|~|=)?\s*(.+)$/.exec(range.trim());
  if (!match || /[\s|<>]/.test(match[2]!)) return undefined;
  const version = parseVersion(match[2]!);
  if (!version) return undefined;
  const [major, minor] = version;
  if (match[1] === "^") return major > 0 ? [major, Infinity, Infinity] : [0, minor, Infinity];
  if (match[1] === "~") return [major, minor, Infinity];
  return version;
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
