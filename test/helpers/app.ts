import { execa, type ResultPromise } from "execa";
import net from "node:net";
import { userEnv } from "./env.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  /** Everything the dev server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface DevServerOptions {
  /** The package manager whose `run dev` starts it (npm by default). */
  packageManager?: string;
  /** Variables added to a user's shell environment, e.g. a manager on PATH or INNGEST_DEV. */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** The path polled until it answers (default: /api/inngest). */
  readyPath?: string;
}

/**
 * Starts `<pm> run dev` of a generated app in its own process group on a free port, and waits
 * until `GET /api/inngest` answers.
 */
export async function startDevServer(dir: string, options: number | DevServerOptions = {}): Promise<RunningApp> {
  const { packageManager = "npm", env = {}, timeoutMs = 120_000, readyPath = "/api/inngest" } =
    typeof options === "number" ? { timeoutMs: options } : options;
  const port = await freePort();
  let output = "";
  const child: ResultPromise = execa(packageManager, ["run", "dev"], {
    cwd: dir,
    env: { ...userEnv(), ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    extendEnv: false,
    detached: true,
    reject: false,
    all: true,
    stdin: "ignore",
  });
  child.all?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // the group is already gone
      }
      const exited = await Promise.race([child.then(() => true), sleep(10_000).then(() => false)]);
      if (!exited) process.kill(-child.pid, "SIGKILL");
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}${readyPath}`);
      if (response.status === 200) return { url, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`the dev server did not answer on ${url}${readyPath}:\n${output}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
