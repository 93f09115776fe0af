import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every file and directory under `root` (paths with `/`), a file with a hash of its contents. */
export type Snapshot = Record<string, string>;

const DIRECTORY = "dir";

/** What installs, builds and git make in an app: a snapshot of its source leaves them out. */
export const sourceOnly = { skip: ["node_modules", ".git", ".next"] };

/** The whole tree under `root`, to prove that nothing changed; entries named in `skip` are left out, with all they hold. */
export function snapshot(root: string, options: { skip?: readonly string[] } = {}): Snapshot {
  const skip = new Set(options.skip);
  const entries: Snapshot = {};
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        entries[child] = DIRECTORY;
        visit(child);
      } else {
        entries[child] = createHash("sha1")
          .update(readFileSync(path.join(root, child)))
          .digest("hex");
      }
    }
  };
  visit("");
  return entries;
}

/** The files whose contents differ between two snapshots, or that appeared or went away. */
export function changedFiles(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => before[name] !== DIRECTORY && after[name] !== DIRECTORY && before[name] !== after[name])
    .sort();
}
