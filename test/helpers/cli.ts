import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { userEnv } from "./env.js";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const cliPath = path.join(repoRoot, "dist", "cli.js");

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved, without colours. */
  output: string;
}

/** Runs the built CLI as a child process with no terminal, as CI and scripts do. */
export async function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeout?: number },
): Promise<CliResult> {
  const result = await execa("node", [cliPath, ...args], {
    cwd: options.cwd,
    env: userEnv({ NO_COLOR: "1", ...options.env }),
    extendEnv: false,
    reject: false,
    all: true,
    stdin: "ignore",
    timeout: options.timeout ?? 300_000,
  });
  return {
    exitCode: result.exitCode ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    output: result.all ?? "",
  };
}

export async function makeTempDir(prefix = "cia-"): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** No line of a stack trace: every failure must be one readable line. */
export function hasStackTrace(output: string): boolean {
  return output.split("\n").some((line) => line.startsWith("    at "));
}
