import { commandsFor, installInvocation, type PackageManager } from "./package-manager.js";
import { CliError } from "./errors.js";
import { runCommand } from "./run-command.js";
import { log, startSpinner } from "./ui.js";

const OUTPUT_TAIL_LINES = 30;

/**
 * Installs in `dir`. On failure, prints the tail of the manager's output and throws the one line
 * `failure` makes of the reason and the command to run by hand (`relativeDir` is where from).
 */
export async function installDependencies(
  dir: string,
  pm: PackageManager,
  relativeDir: string,
  failure: (reason: string, command: string) => CliError = (reason, command) =>
    new CliError(
      `Installing dependencies failed (${reason}). The project is ready in ${relativeDir}: run "${command}" to install by hand.`,
      "install-failed",
    ),
): Promise<void> {
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
  const install = commandsFor(pm).install;
  throw failure(reason, relativeDir === "." ? install : `cd ${relativeDir} && ${install}`);
}
