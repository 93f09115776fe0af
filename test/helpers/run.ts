import { userEnv } from "./env.js";
import { type RunResult, run } from "./process.js";

/**
 * Runs a script of a generated app as its user would (`<pm> run <script>`, npm by default). `env`
 * replaces the user's shell environment (e.g. with a manager on PATH).
 */
export function runScript(
  dir: string,
  script: string,
  options: { packageManager?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  const { packageManager = "npm", env = userEnv() } = options;
  return run(packageManager, ["run", script], { cwd: dir, env: { ...env, NO_COLOR: "1" } });
}
