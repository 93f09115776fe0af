import net from "node:net";
import { userEnv } from "./env.js";
import { startBackgroundServer } from "./process.js";

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
export async function startDevServer(dir: string, options: DevServerOptions = {}): Promise<RunningApp> {
  const { packageManager = "npm", env = {}, timeoutMs = 120_000, readyPath = "/api/inngest" } = options;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startBackgroundServer(packageManager, ["run", "dev"], {
    cwd: dir,
    env: { ...userEnv(), ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    readyUrl: `${url}${readyPath}`,
    timeoutMs,
  });
  return { url, ...server };
}
