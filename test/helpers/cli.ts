import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { userEnv } from "./env.js";
import { type RunResult, run } from "./process.js";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const cliPath = path.join(repoRoot, "dist", "cli.js");

/** Runs the built CLI as a child process with no terminal, as CI and scripts do. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeout?: number },
): Promise<RunResult> {
  return run("node", [cliPath, ...args], {
    cwd: options.cwd,
    env: userEnv({ NO_COLOR: "1", ...options.env }),
    timeout: options.timeout ?? 300_000,
  });
}

export async function makeTempDir(prefix = "cia-"): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** No line of a stack trace: every failure must be one readable line. */
export function hasStackTrace(output: string): boolean {
  return output.split("\n").some((line) => line.startsWith("    at "));
}
