import { execa } from "execa";
import { userEnv } from "./env.js";

/** Runs an npm script of a generated app as its user would, and returns its exit code and output. */
export async function runScript(dir: string, script: string): Promise<{ exitCode: number; output: string }> {
  const result = await execa("npm", ["run", script], {
    cwd: dir,
    env: userEnv({ NO_COLOR: "1" }),
    extendEnv: false,
    reject: false,
    all: true,
    stdin: "ignore",
  });
  return { exitCode: result.exitCode ?? -1, output: result.all ?? "" };
}
