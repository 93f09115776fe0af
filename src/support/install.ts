import { commandsFor, installInvocation, type PackageManager } from "./package-manager.js";
import { CliError } from "./errors.js";
import { runCommand } from "./run-command.js";
import { log, startSpinner } from "./ui.js";

const OUTPUT_TAIL_LINES = 30;

export async function installDependencies(dir: string, pm: PackageManager, relativeDir: string): Promise<void> {
  const spinner = startSpinner(`Installing dependencies with ${pm}`);
  const { args, env } = installInvocation(pm);
  const result = await runCommand(pm, args, { cwd: dir, env, shell: true });
  if (!result.failed) {
    spinner.succeed(`Installed dependencies with ${pm}`);
    return;
  }
  spinner.fail(`${pm} install failed`);
  const tail = result.all.trimEnd().split("\n").slice(-OUTPUT_TAIL_LINES);
  if (tail.length > 0 && tail[0] !== "") log.detail(tail.join("\n"));
  const reason = result.notFound ? `${pm} was not found on this machine` : `exit code ${result.exitCode ?? "?"}`;
  throw new CliError(
    `Installing dependencies failed (${reason}). The project is ready in ${relativeDir}: run "cd ${relativeDir} && ${commandsFor(pm).install}" to install by hand.`,
    "install-failed",
  );
}
