import { type ChildProcess, spawn } from "node:child_process";
import { userEnv } from "./env.js";

export interface RunOptions {
  cwd?: string;
  /** The child's whole environment (default: a user's shell, `userEnv()`); nothing else is added. */
  env?: Record<string, string>;
  /** Milliseconds before the child gets SIGTERM and the result says `timedOut`. */
  timeout?: number;
  /** Sends `killSignal` (default SIGTERM) to the child when aborted, e.g. to interrupt a run midway. */
  signal?: AbortSignal;
  killSignal?: NodeJS.Signals;
}

export interface RunResult {
  /** -1 when the command did not start or a signal ended it. */
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they came. */
  output: string;
  timedOut: boolean;
}

/**
 * Runs a command to its end with stdin closed and never throws: every test runs its processes
 * through this. Like a shell's `$(...)`, one final newline is dropped from each stream.
 */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const { cwd, env = userEnv(), timeout, signal, killSignal = "SIGTERM" } = options;
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let output = "";
    let timedOut = false;
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    collect(child, (chunk) => (output += chunk), {
      stdout: (chunk) => (stdout += chunk),
      stderr: (chunk) => (stderr += chunk),
    });
    const timer =
      timeout === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill("SIGTERM");
          }, timeout);
    const abort = () => child.kill(killSignal);
    signal?.addEventListener("abort", abort, { once: true });
    const finish = (exitCode: number) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
      const trim = (text: string) => text.replace(/\r?\n$/, "");
      resolve({ exitCode, stdout: trim(stdout), stderr: trim(stderr), output: trim(output), timedOut });
    };
    child.once("error", (error) => {
      output += `${error.message}\n`;
      finish(-1);
    });
    child.once("close", (code) => finish(code ?? -1));
  });
}

/** `run`, for a step a test cannot go on without: throws with the command's output when it fails. */
export async function runOrThrow(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.exitCode !== 0)
    throw new Error(`${command} ${args.join(" ")} exited with ${result.exitCode}:\n${result.output}`);
  return result;
}

export interface BackgroundServer {
  /** Everything the server printed so far. */
  output: () => string;
  /** Stops the server's whole process group: SIGTERM, then SIGKILL after 10 s. */
  stop: () => Promise<void>;
}

/**
 * Starts `command` in its own process group and waits until `readyUrl` answers 200. If it exits
 * or does not answer within `timeoutMs`, the group is stopped and the error holds its output.
 */
export async function startBackgroundServer(
  command: string,
  args: string[],
  options: { cwd?: string; env: Record<string, string>; readyUrl: string; timeoutMs: number },
): Promise<BackgroundServer> {
  let output = "";
  let exited = false;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  collect(child, (chunk) => (output += chunk));
  const closed = new Promise<void>((resolve) => {
    child.once("error", (error) => {
      output += `${error.message}\n`;
      exited = true;
      resolve();
    });
    child.once("close", () => {
      exited = true;
      resolve();
    });
  });

  const stop = async () => {
    if (child.pid === undefined || exited) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return; // the group is already gone
    }
    const stopped = await Promise.race([closed.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) process.kill(-child.pid, "SIGKILL");
  };

  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline && !exited) {
    try {
      if ((await fetch(options.readyUrl)).status === 200) return { output: () => output, stop };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`${command} ${args.join(" ")} did not answer on ${options.readyUrl}:\n${output}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function collect(
  child: ChildProcess,
  both: (chunk: string) => void,
  each: { stdout?: (chunk: string) => void; stderr?: (chunk: string) => void } = {},
): void {
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream]?.setEncoding("utf8");
    child[stream]?.on("data", (chunk: string) => {
      each[stream]?.(chunk);
      both(chunk);
    });
  }
}
