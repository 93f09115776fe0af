import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";

// The version of a package an app resolves: installed in node_modules (the app's, then its
// workspace root's), else written in its lockfile (package-lock.json, pnpm-lock.yaml, yarn.lock
// v1 or 2+, bun.lock). Undefined when neither says.

export function installedVersion(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    const manifest = path.join(dir, "node_modules", name, "package.json");
    if (!existsSync(manifest)) continue;
    try {
      const version = JSON.parse(readFileSync(manifest, "utf8")).version;
      if (typeof version === "string") return version;
    } catch {
      // an unreadable manifest tells nothing: the lockfile or the range decides
    }
  }
  return undefined;
}

export interface LockfileQuery {
  name: string;
  /** The range package.json declares (a yarn.lock entry is keyed by it). */
  declared: string | undefined;
  /** The app's path from the lockfile's directory, forward slashes ("" for the lockfile's own package). */
  importer: string;
}

/** The version a lockfile's text resolves `name` to for the app, by the lockfile's file name. */
export function lockedVersion(file: string, text: string, query: LockfileQuery): string | undefined {
  const found =
    file === "package-lock.json" || file === "npm-shrinkwrap.json"
      ? fromNpm(text, query)
      : file === "pnpm-lock.yaml"
        ? fromPnpm(text, query)
        : file === "yarn.lock"
          ? fromYarn(text, query)
          : file === "bun.lock"
            ? fromBun(text, query)
            : undefined;
  return found && semver.valid(found) ? found : undefined;
}

function fromNpm(text: string, { name, importer }: LockfileQuery): string | undefined {
  let lock: { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> };
  try {
    lock = JSON.parse(text);
  } catch {
    return undefined;
  }
  const nested = importer ? lock.packages?.[`${importer}/node_modules/${name}`]?.version : undefined;
  return nested ?? lock.packages?.[`node_modules/${name}`]?.version ?? lock.dependencies?.[name]?.version;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** pnpm 6+: `importers: <path>: dependencies: <name>: { specifier, version }`; a lone package has no importers. */
function fromPnpm(text: string, { name, importer }: LockfileQuery): string | undefined {
  const lines = text.split(/\r?\n/);
  const key = importer || ".";
  const start = lines.indexOf("importers:");
  let block = lines;
  if (start >= 0) {
    const at = lines.findIndex((line, i) => i > start && new RegExp(`^  ['"]?${literal(key)}['"]?:\\s*$`).test(line));
    if (at < 0) return undefined;
    const end = lines.findIndex((line, i) => i > at && /^ {0,2}\S/.test(line));
    block = lines.slice(at + 1, end < 0 ? undefined : end);
  }
  const entry = block.findIndex((line) => new RegExp(`^\\s+['"]?${literal(name)}['"]?:\\s*(\\S.*)?$`).test(line));
  if (entry < 0) return undefined;
  const inline = /:\s*['"]?(\d[^\s('"]*)/.exec(block[entry]!.slice(block[entry]!.indexOf(name) + name.length));
  if (inline) return inline[1];
  for (const line of block.slice(entry + 1, entry + 4)) {
    const version = /^\s+version:\s*['"]?(\d[^\s('"]*)/.exec(line);
    if (version) return version[1];
  }
  return undefined;
}

/** yarn 1 (`zod@^3.22.4:` / `version "3.22.4"`) and yarn 2+ (`"zod@npm:^3.22.4":` / `version: 3.22.4`). */
function fromYarn(text: string, { name, declared }: LockfileQuery): string | undefined {
  const versions: string[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const [header = "", ...body] = block.trim().split(/\r?\n/);
    if (header.startsWith("#") || !header.endsWith(":")) continue;
    const descriptors = header
      .slice(0, -1)
      .split(/,\s*/)
      .map((descriptor) => descriptor.trim().replace(/^"|"$/g, ""));
    const ofName = descriptors.filter((descriptor) => descriptor.startsWith(`${name}@`));
    if (ofName.length === 0) continue;
    const version = body.map((line) => /^\s+version:?\s+"?([^"\s]+)"?/.exec(line)?.[1]).find(Boolean);
    if (!version) continue;
    const ranges = ofName.map((descriptor) => descriptor.slice(name.length + 1).replace(/^npm:/, ""));
    if (declared !== undefined && ranges.includes(declared.replace(/^npm:/, ""))) return version;
    versions.push(version);
  }
  return versions.length === 1 ? versions[0] : undefined;
}

/** bun.lock (JSON with trailing commas): `"packages": { "zod": ["zod@3.22.4", ...] }`. */
function fromBun(text: string, { name }: LockfileQuery): string | undefined {
  return new RegExp(`"${literal(name)}":\\s*\\[\\s*"${literal(name)}@([^"]+)"`).exec(text)?.[1];
}
