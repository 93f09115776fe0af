import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every file and directory under `root` with a hash of its contents, to prove that nothing changed. */
export function snapshot(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, absolute);
    entries[relative] = entry.isFile() ? createHash("sha1").update(readFileSync(absolute)).digest("hex") : "dir";
  }
  return entries;
}
