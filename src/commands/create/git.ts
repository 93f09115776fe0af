import { runCommand } from "../../support/run-command.js";

export type GitResult = { created: true } | { created: false; reason: string };

/** `git init` and a first commit; on any failure the repository is removed again. */
export async function initGitRepository(dir: string): Promise<GitResult> {
  const git = (...args: string[]) => runCommand("git", args, { cwd: dir });

  const version = await git("--version");
  if (version.failed) return { created: false, reason: "git was not found" };
  const inside = await git("rev-parse", "--is-inside-work-tree");
  if (!inside.failed && inside.stdout.trim() === "true") {
    return { created: false, reason: "the directory is already inside a git repository" };
  }

  const init = await git("init", "-q");
  if (init.failed) return { created: false, reason: `git init failed: ${firstLine(init.stderr)}` };
  const commit = (await git("add", "-A")).failed
    ? undefined
    : await git("commit", "-q", "-m", "Initial commit from create-inngest-app");
  if (!commit || commit.failed) {
    const { rm } = await import("node:fs/promises");
    await rm(`${dir}/.git`, { recursive: true, force: true });
    return { created: false, reason: `git commit failed: ${firstLine(commit?.stderr ?? "git add failed")}` };
  }
  return { created: true };
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
