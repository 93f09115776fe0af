import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { userEnv } from "./env.js";
import { WRANGLER_DEV } from "../../src/app/detect/dev-script-name.js";
import { installNode } from "./node-runtime.js";
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
  /** Variables added to a user's shell environment, e.g. a manager on PATH. */
  env?: Record<string, string>;
  /** The app's own variables, such as INNGEST_DEV: its environment on Node.js, `--var` bindings on Workers. */
  vars?: Record<string, string>;
  timeoutMs?: number;
  /** The path polled until it answers (default: /api/inngest). */
  readyPath?: string;
  /** The script that starts it (default: dev). */
  script?: string;
}

/**
 * The dev servers of Workers apps, known by the start of the dev script: each takes its address as
 * flags (none reads PORT) and runs with Node 22 first on PATH (wrangler needs 22.12+, and Vite's
 * Cloudflare plugin runs wrangler).
 */
const workerDevServers = [
  {
    script: WRANGLER_DEV,
    flags: (port: number, vars: Record<string, string>) => [
      ...["--ip", "127.0.0.1", "--port", String(port)],
      // The Worker sees no environment, only its bindings.
      ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
    ],
  },
  {
    script: /^vite(\s|$)/,
    flags: (port: number, vars: Record<string, string>) => {
      if (Object.keys(vars).length > 0) throw new Error("Vite's Cloudflare plugin takes no variables as flags");
      return ["--host", "127.0.0.1", "--port", String(port), "--strictPort"];
    },
  },
];

/**
 * Starts `<pm> run dev` (or another script) of an app in its own process group on a free port of 127.0.0.1, and waits
 * until `readyPath` answers.
 */
export async function startDevServer(dir: string, options: DevServerOptions = {}): Promise<RunningApp> {
  const {
    packageManager = "npm",
    env = {},
    vars = {},
    timeoutMs = 120_000,
    readyPath = "/api/inngest",
    script = "dev",
  } = options;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const devScript: string = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).scripts?.[script] ?? "";
  const worker = workerDevServers.find((server) => server.script.test(devScript));
  const shellEnv = { ...userEnv(), ...env };
  const server = await startBackgroundServer(
    packageManager,
    worker ? ["run", script, "--", ...worker.flags(port, vars)] : ["run", script],
    {
      cwd: dir,
      env: {
        ...shellEnv,
        ...(worker
          ? {
              PATH: `${await installNode(22)}${path.delimiter}${shellEnv.PATH ?? ""}`,
              WRANGLER_SEND_METRICS: "false",
            }
          : vars),
        PORT: String(port),
        NEXT_TELEMETRY_DISABLED: "1",
      },
      readyUrl: `${url}${readyPath}`,
      timeoutMs,
    },
  );
  return { url, ...server };
}
