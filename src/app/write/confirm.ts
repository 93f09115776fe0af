import { CancelledError, CliError } from "../../support/errors.js";
import { runCommand } from "../../support/run-command.js";
import { log } from "../../support/ui.js";

/** Before changing an app: a dirty git tree is said, and goes on only with --yes or a "yes". */
export async function confirmDirtyTree(dir: string, yes: boolean, interactive: boolean): Promise<void> {
  const status = await runCommand("git", ["status", "--porcelain"], { cwd: dir });
  if (status.failed || status.stdout.trim() === "") return;
  log.warn(
    "The git working tree has uncommitted changes: you may want to commit them first, to review this change on its own.",
  );
  if (yes) return;
  if (!interactive)
    throw new CliError(
      "Uncommitted changes in the git working tree: commit them, or pass --yes to go on anyway. Nothing was changed.",
      "dirty-tree",
    );
  const { default: prompts } = await import("prompts");
  let cancelled = false;
  const { go } = await prompts(
    { type: "confirm", name: "go", message: "Go on anyway?", initial: false },
    { onCancel: () => (cancelled = true) },
  );
  if (cancelled || !go) throw new CancelledError();
}
