import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Framework } from "../frameworks/framework.js";

/** Where a new app keeps its Inngest code; `--add` uses the same names under the app's own folder. */
export const INNGEST_DIR = "src/inngest";
export const FUNCTIONS_DIR = "functions";
export const MIDDLEWARE_DIR = "middleware";
export const CLIENT_FILE = "client.ts";
export const EVENTS_FILE = "events.ts";
export const TESTING_FILE = "testing.ts";
/** The env file a new app's `dev` script loads: `INNGEST_DEV=1` is dev mode. */
export const DEV_ENV_FILE = ".env.development";

/** `starters/` of this package: beside dist/ when bundled, two folders up from this module in src/. */
export const startersDir = [new URL("../starters/", import.meta.url), new URL("../../starters/", import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(path.join(dir, "base")))!;

/** A file of a starter, relative to the project root with forward slashes. */
export interface StarterFile {
  path: string;
  contents: string;
}

/** Every file under `starters/<name>/`, with stored names such as `_gitignore` restored. */
export function readStarterTree(name: string): StarterFile[] {
  const root = path.join(startersDir, name);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      const relative = path.relative(root, absolute).split(path.sep);
      relative[relative.length - 1] = restoreStoredName(entry.name);
      return { path: relative.join("/"), contents: readFileSync(absolute, "utf8") };
    });
}

/** npm drops dot-files such as `.gitignore` from packages, so starters store them as `_gitignore`. */
export function restoreStoredName(name: string): string {
  return name.startsWith("_") ? `.${name.slice(1)}` : name;
}

function storedName(relative: string): string {
  const parts = relative.split("/");
  const last = parts.pop()!;
  return [...parts, last.startsWith(".") ? `_${last.slice(1)}` : last].join("/");
}

/**
 * A file every app gets (`src/inngest/client.ts`, `.env.development`...): the framework starter's
 * copy when it overrides the base one, else the base one. Create and `--add` both read it here.
 */
export function baseFile(framework: Framework, relative: string): string {
  const override = path.join(startersDir, framework.starter, storedName(relative));
  return readFileSync(existsSync(override) ? override : path.join(startersDir, "base", storedName(relative)), "utf8");
}

/** Placeholders such as `__APP_ID__` in starter files, and the values they take in one app. */
export type Placeholders = Record<`__${string}__`, string>;

export function fillPlaceholders(contents: string, placeholders: Placeholders): string {
  return contents.replace(/__[A-Z_]+__/g, (token) => placeholders[token as `__${string}__`] ?? token);
}
