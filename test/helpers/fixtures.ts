import { cpSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Hand-written apps that `--add` is tested on. */
export const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** The npm lockfile a fixture app keeps (made by `npm install --package-lock-only`), so its first install is `npm ci`. */
export const FIXTURE_LOCKFILE = "package-lock.json";

/**
 * Copies the fixture app `name` to `dir` (made if missing) and returns `dir`. Its lockfile comes
 * only with `lockfile: true`: without it the app is as its author wrote it before any install.
 */
export function copyFixture(name: string, dir: string, options: { lockfile?: boolean } = {}): string {
  const root = path.join(fixturesDir, name);
  cpSync(root, dir, {
    recursive: true,
    filter: (source) => options.lockfile === true || source !== path.join(root, FIXTURE_LOCKFILE),
  });
  return dir;
}
