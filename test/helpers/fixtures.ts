import { cpSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Hand-written apps that `--add` is tested on. */
export const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** Copies the fixture app `name` to `dir` (made if missing) and returns `dir`. */
export function copyFixture(name: string, dir: string): string {
  cpSync(path.join(fixturesDir, name), dir, { recursive: true });
  return dir;
}
