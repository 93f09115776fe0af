import { spawn } from "node:child_process";

export interface CommandResult {
  failed: boolean;
  /** Undefined when the command did not start or was killed by a signal. */
  exitCode: number | undefined;
  /** The command is not on PATH. */
  notFound: boolean;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they came. */
  all: string;
}

const running = new Set<ReturnType<typeof spawn>>();

/** Passes a signal that stops the CLI on to the commands it is running (an install, say). */
export function stopRunningCommands(signal: NodeJS.Signals): void {
  for (const child of running) child.kill(signal);
}

/**
 * Runs a command to its end and never throws: stdin closed, output collected. On Windows a package
 * manager is a `.cmd` script, which Node starts only through a shell (`shell` is for those: its
 * arguments must need no quoting).
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; shell?: boolean },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let all = "";
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      shell: options.shell === true && process.platform === "win32",
    });
    running.add(child);
    child.once("close", () => running.delete(child));
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
      all += chunk;
    });
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
      all += chunk;
    });
    const finish = (exitCode: number | undefined, notFound: boolean) =>
      resolve({ failed: exitCode !== 0, exitCode, notFound, stdout, stderr, all });
    child.once("error", (error: NodeJS.ErrnoException) => finish(undefined, error.code === "ENOENT"));
    child.once("close", (code) => finish(code ?? undefined, false));
  });
}
