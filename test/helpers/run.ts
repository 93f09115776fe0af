import { execa } from "execa";
import { userEnv } from "./env.js";

/**
 * Runs a script of a generated app as its user would (`<pm> run <script>`, npm by default), and
 * returns its exit code and output. `env` replaces the user's shell environment (e.g. with a
 * manager on PATH).
 */
export async function runScript(
  dir: string,
  script: string,
  options: { packageManager?: string; env?: Record<string, string> } = {},
): Promise<{ exitCode: number; output: string }> {
  const { packageManager = "npm", env = userEnv() } = options;
  const result = await execa(packageManager, ["run", script], {
    cwd: dir,
    env: { ...env, NO_COLOR: "1" },
    extendEnv: false,
    reject: false,
    all: true,
    stdin: "ignore",
  });
  return { exitCode: result.exitCode ?? -1, output: result.all ?? "" };
}
