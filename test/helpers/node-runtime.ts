import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { runOrThrow } from "./process.js";
import { toolsCache } from "./tools.js";

/**
 * Node.js releases the tests need beside the one running them (wrangler needs 22.12+, `connect()`
 * 22.4+; users run 24 too), installed from the npm registry as the `node` package, which ships the official binary.
 */
export const nodeReleases = { 22: "22.23.3", 24: "24.21.0" } as const;

/**
 * Installs a pinned Node.js release into the tools cache (once, renamed into place when complete)
 * and returns the directory holding its `node` binary.
 */
export async function installNode(major: keyof typeof nodeReleases): Promise<string> {
  const dir = path.join(toolsCache, `node@${nodeReleases[major]}`);
  const bin = path.join(dir, "node_modules", "node", "bin");
  if (existsSync(path.join(bin, "node"))) return bin;
  mkdirSync(toolsCache, { recursive: true });
  const staging = await mkdtemp(path.join(toolsCache, ".install-"));
  writeFileSync(path.join(staging, "package.json"), JSON.stringify({ private: true }));
  try {
    await runOrThrow("npm", ["install", "--no-audit", "--no-fund", "--save-exact", `node@${nodeReleases[major]}`], {
      cwd: staging,
    });
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(bin, "node"))) throw error; // else another test file installed it first
  }
  return bin;
}
