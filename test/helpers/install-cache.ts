import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { inject } from "vitest";
import { runIn } from "./add.js";
import { userEnv } from "./env.js";
import { type RunResult, runOrThrow, sleep } from "./process.js";

declare module "vitest" {
  interface ProvidedContext {
    /** The run's cache of installed node_modules (test/global-setup.ts makes and removes it). */
    installCache: string;
  }
}

/** What decides npm's install: the manifest's dependency sections, the lockfile and the app's .npmrc. */
const DEPENDENCY_FIELDS = [
  "dependencies",
  "devDependencies",
  "optionalDependencies",
  "peerDependencies",
  "bundleDependencies",
  "bundledDependencies",
  "overrides",
] as const;
const LOCKFILES = ["npm-shrinkwrap.json", "package-lock.json"] as const;
/** Root scripts npm runs on install: an app with one installs for real, since they may read anything. */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare"];
/** Where tools keep their own state inside node_modules: never shared between apps. */
const PRIVATE_DIRS = new Set([".cache", ".vite", ".vitest"]);

/** How long an install waits for another worker's install of the same key before it installs itself. */
const FILL_WAIT_MS = 10 * 60_000;

const versionsByPath = new Map<string, Promise<string>>();

/** `node -v` and `npm -v` as the app's environment resolves them. */
function toolVersions(env: Record<string, string>): Promise<string> {
  const key = env.PATH ?? "";
  let versions = versionsByPath.get(key);
  if (!versions) {
    versions = Promise.all([runOrThrow("node", ["-v"], { env }), runOrThrow("npm", ["-v"], { env })]).then(
      ([node, npm]) => `node ${node.stdout.split(".")[0]}, npm ${npm.stdout}`,
    );
    versionsByPath.set(key, versions);
  }
  return versions;
}

function readIfPresent(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/** The install's key, or undefined when the app's install cannot be shared (workspaces, install scripts). */
async function installKey(dir: string, command: string, env: Record<string, string>): Promise<string | undefined> {
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  if (manifest.workspaces || INSTALL_SCRIPTS.some((script) => manifest.scripts?.[script])) return undefined;
  const inputs = {
    command,
    tools: await toolVersions(env),
    dependencies: DEPENDENCY_FIELDS.map((field) => manifest[field] ?? null),
    lockfiles: LOCKFILES.map((name) => readIfPresent(path.join(dir, name))),
    npmrc: readIfPresent(path.join(dir, ".npmrc")),
  };
  return createHash("sha256").update(JSON.stringify(inputs)).digest("hex").slice(0, 24);
}

/**
 * Puts the node_modules at `from` at `to` as hard links (no file is copied), except what a tool may
 * write in place: its top-level files (npm's .package-lock.json) and the tools' cache directories,
 * which are copied, so no app's writes reach another app's tree.
 */
function linkTree(from: string, to: string): Promise<RunResult> {
  return runOrThrow("cp", ["-al", from, to]).then((result) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
      if (entry.isFile()) {
        rmSync(target);
        copyFileSync(source, target);
      } else if (entry.isDirectory() && PRIVATE_DIRS.has(entry.name)) {
        rmSync(target, { recursive: true });
        cpSync(source, target, { recursive: true });
      }
    }
    return result;
  });
}

function restore(entry: string, dir: string, key: string): Promise<RunResult> {
  rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
  for (const name of LOCKFILES) {
    const cached = path.join(entry, name);
    if (existsSync(cached)) copyFileSync(cached, path.join(dir, name));
  }
  return linkTree(path.join(entry, "node_modules"), path.join(dir, "node_modules")).then(() => ({
    exitCode: 0,
    stdout: `node_modules linked from the run's install cache (${key})`,
    stderr: "",
    output: `node_modules linked from the run's install cache (${key})`,
    timedOut: false,
  }));
}

/**
 * `npm install` in `dir`, as its user would run it, once per distinct install in a run: the first
 * app with a given key installs for real and its tree is kept; every later one gets hard links to
 * it (and the lockfile that install wrote). Another worker filling the same key is waited for.
 */
export async function installWithNpm(
  dir: string,
  extraEnv: Record<string, string> = {},
  options: InstallOptions = {},
): Promise<RunResult> {
  const cache = inject("installCache");
  const frozen = options.frozen === true && LOCKFILES.some((name) => existsSync(path.join(dir, name)));
  const command = frozen ? "ci" : "install";
  const realInstall = () => runIn(dir, "npm", [command], extraEnv);
  const key = cache ? await installKey(dir, command, userEnv(extraEnv)) : undefined;
  if (!cache || !key) return realInstall();
  const entry = path.join(cache, key);
  const lock = `${entry}.filling`;
  const giveUp = Date.now() + FILL_WAIT_MS;
  for (;;) {
    if (existsSync(entry)) return restore(entry, dir, key);
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is filling it: wait for its entry, or for it to give up (its lock goes).
      if (Date.now() > giveUp) return realInstall();
      await sleep(500);
    }
  }
  try {
    const result = await realInstall();
    if (result.exitCode !== 0 || !existsSync(path.join(dir, "node_modules"))) return result;
    const staging = await mkdtemp(path.join(cache, ".staging-"));
    await linkTree(path.join(dir, "node_modules"), path.join(staging, "node_modules"));
    for (const name of LOCKFILES) {
      if (existsSync(path.join(dir, name))) copyFileSync(path.join(dir, name), path.join(staging, name));
    }
    renameSync(staging, entry);
    return result;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface InstallOptions {
  /** Install exactly the lockfile, where there is one (`npm ci`), as a fresh clone of the app would. */
  frozen?: boolean;
}

/** The app's install with its package manager: npm through the run's cache, the others for real. */
export function installDependencies(
  dir: string,
  pm: string,
  extraEnv: Record<string, string> = {},
  options: InstallOptions = {},
): Promise<RunResult> {
  return pm === "npm" ? installWithNpm(dir, extraEnv, options) : runIn(dir, pm, ["install"], extraEnv);
}
