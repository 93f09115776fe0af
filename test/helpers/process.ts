import { execa } from "execa";

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
  const child = execa(command, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    detached: true,
    reject: false,
    all: true,
    stdin: "ignore",
  });
  child.all?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return; // the group is already gone
    }
    const exited = await Promise.race([child.then(() => true), sleep(10_000).then(() => false)]);
    if (!exited) process.kill(-child.pid, "SIGKILL");
  };

  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
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
