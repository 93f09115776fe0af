import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { userEnv } from "./env.js";
import { runOrThrow } from "./process.js";

/** Where the tests keep the tools they install from the npm registry, shared between runs. */
export const toolsCache = path.join(os.tmpdir(), "cia-tools");

/** The tools the tests install, pinned: the real clients, never whatever is on PATH. */
export const tools = {
  pnpm: { pkg: "pnpm", version: "12.21.0" },
  yarn: { pkg: "yarn", version: "1.22.22" },
  yarn4: { pkg: "@yarnpkg/cli-dist", version: "4.18.1" },
  bun: { pkg: "bun", version: "1.4.5" },
  verdaccio: { pkg: "verdaccio", version: "6.7.4" },
  "create-vite": { pkg: "create-vite", version: "9.3.0" },
} as const;
export type ToolName = keyof typeof tools;

/**
 * Installs a pinned tool with npm into the cache (once; a finished install is renamed into place,
 * so parallel test files never see half of one) and returns its `node_modules/.bin`.
 */
export async function installTool(name: ToolName): Promise<string> {
  const { pkg, version } = tools[name];
  const dir = path.join(toolsCache, `${pkg.replace("/", "+")}@${version}`);
  const bin = path.join(dir, "node_modules", ".bin");
  if (existsSync(bin)) return bin;
  mkdirSync(toolsCache, { recursive: true });
  const staging = await mkdtemp(path.join(toolsCache, ".install-"));
  // The registry this runs against lacks node-fetch's `cjs` dist-tag, which a verdaccio dependency asks for.
  const manifest = { private: true, overrides: name === "verdaccio" ? { "node-fetch": "2.7.0" } : {} };
  writeFileSync(path.join(staging, "package.json"), JSON.stringify(manifest));
  try {
    await runOrThrow("npm", ["install", "--no-audit", "--no-fund", "--save-exact", `${pkg}@${version}`], {
      cwd: staging,
    });
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(bin)) throw error; // else another test file installed it first
  }
  return bin;
}

/** The environment with a tool's bin directory first on PATH. */
export function withToolOnPath(bin: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  return userEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, ...extra });
}
