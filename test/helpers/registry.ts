import { writeFileSync } from "node:fs";
import path from "node:path";
import { execa, type ResultPromise } from "execa";
import { freePort } from "./app.js";
import { installTool, withToolOnPath } from "./tools.js";

export interface LocalRegistry {
  url: string;
  /** A token of a user made on the registry, for `npm publish`. */
  token: string;
  stop: () => Promise<void>;
}

/**
 * Starts verdaccio (pinned, installed from the npm registry) on 127.0.0.1 with no uplink, its
 * storage and config under `dir`, in its own process group.
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  const bin = await installTool("verdaccio");
  const port = await freePort();
  const config = path.join(dir, "verdaccio.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(path.join(dir, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(path.join(dir, "htpasswd"))}`,
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  let output = "";
  const child: ResultPromise = execa(path.join(bin, "verdaccio"), ["--config", config, "--listen", `127.0.0.1:${port}`], {
    env: withToolOnPath(bin),
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
      return;
    }
    const exited = await Promise.race([child.then(() => true), sleep(10_000).then(() => false)]);
    if (!exited) process.kill(-child.pid, "SIGKILL");
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) {
        const token = await addUser(url);
        return { url, token, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`verdaccio did not start on ${url}:\n${output}`);
}

/** The registry's user endpoint, as `npm adduser` calls it. */
async function addUser(url: string): Promise<string> {
  const response = await fetch(`${url}-/user/org.couchdb.user:tester`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "tester", password: "tester-password", email: "tester@example.invalid", type: "user" }),
  });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`verdaccio made no user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
