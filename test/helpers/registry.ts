import { writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "./app.js";
import { startBackgroundServer } from "./process.js";
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
  const url = `http://127.0.0.1:${port}/`;
  const server = await startBackgroundServer(
    path.join(bin, "verdaccio"),
    ["--config", config, "--listen", `127.0.0.1:${port}`],
    {
      env: withToolOnPath(bin),
      readyUrl: `${url}-/ping`,
      timeoutMs: 60_000,
    },
  );
  try {
    return { url, token: await addUser(url), stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The registry's user endpoint, as `npm adduser` calls it. */
async function addUser(url: string): Promise<string> {
  const response = await fetch(`${url}-/user/org.couchdb.user:tester`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: "tester",
      password: "tester-password",
      email: "tester@example.invalid",
      type: "user",
    }),
  });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`verdaccio made no user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}
