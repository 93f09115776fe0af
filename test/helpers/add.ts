import { userEnv } from "./env.js";
import { type RunResult, run, runOrThrow } from "./process.js";

/** A command in the app's directory, as its user would run it. */
export function runIn(
  dir: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<RunResult> {
  return run(command, args, {
    cwd: dir,
    env: userEnv({
      NO_COLOR: "1",
      npm_config_prefer_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      ...env,
    }),
  });
}

/** `git init` and one commit of everything, so that the add sees a clean tree. */
export async function commitAll(dir: string): Promise<void> {
  // No automatic gc or maintenance: a commit of an installed app (node_modules and all) would start
  // one in the background, still writing into .git when the test removes the directory.
  const settings = ["user.name=test", "user.email=test@example.invalid", "gc.auto=0", "maintenance.auto=false"];
  const git = (...args: string[]) =>
    runOrThrow("git", [...settings.flatMap((setting) => ["-c", setting]), ...args], { cwd: dir });
  await git("init", "-q");
  await git("add", "-A");
  await git("commit", "-qm", "the app before --add");
}

/** What a route answers, to compare before and after the add. */
export async function answer(url: string, init?: RequestInit): Promise<{ status: number; body: string }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.text() };
}
