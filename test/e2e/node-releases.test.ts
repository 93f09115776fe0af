import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer } from "../helpers/app.js";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { appEndpoint } from "../helpers/inngest.js";
import { installNode } from "../helpers/node-runtime.js";
import { run } from "../helpers/process.js";
import { runScript } from "../helpers/run.js";

const APP_NAME = "node-release-app";
const EVENT = { name: "app/hello.world", data: { name: "Ada" } };

/**
 * Users run Node.js 20, 22 and 24; the rest of the suite runs on the machine's Node 20 (and 22 for
 * wrangler and connect). Here the newest release line runs everything: the CLI itself, npm, the
 * app's type-check, its tests and its dev server, with Node 24 first on PATH.
 */
describe.each(["express", "hono", "next"])("on Node.js 24, a %s app", (framework) => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let appDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const node24 = await installNode(24);
    env = userEnv({ PATH: `${node24}${path.delimiter}${process.env.PATH ?? ""}` });
    // The CLI, npm and the app's scripts are all started as `node` from this PATH.
    expect((await run("node", ["--version"], { env })).output.trim()).toMatch(/^v24\./);
    temp = await makeTempDir(`cia-node24-${framework}-`);
    appDir = path.join(temp.dir, APP_NAME);
    const created = await runCli(
      [APP_NAME, "--framework", framework, "--features", "event-basic", "--install", "--no-git", "--no-agents"],
      { cwd: temp.dir, env: { ...env, npm_config_prefer_offline: "true" } },
    );
    expect(created.exitCode, created.output).toBe(0);
  }, 600_000);

  afterAll(async () => {
    await temp?.remove();
  });

  it("type-checks and passes its own tests", async () => {
    const typecheck = await runScript(appDir, "typecheck", { env });
    expect(typecheck.exitCode, typecheck.output).toBe(0);
    const tests = await runScript(appDir, "test", { env });
    expect(tests.exitCode, tests.output).toBe(0);
    expect(tests.output).toMatch(/Tests\s+\d+ passed/);
  }, 300_000);

  it("serves Inngest in dev mode and runs hello-world to its return value", async () => {
    const app = await startDevServer(appDir, { env });
    try {
      const endpoint = appEndpoint(app.url, APP_NAME);
      const { status, body } = await endpoint.inspect();
      expect(status, app.output()).toBe(200);
      expect(body).toMatchObject({ mode: "dev", function_count: 1 });
      const first = await endpoint.execute("hello-world", { events: [EVENT] });
      expect(first.status, app.output()).toBe(206);
      const done = await endpoint.execute("hello-world", {
        events: [EVENT],
        steps: { "make-greeting": "Hello, Ada!" },
      });
      expect(done.status, app.output()).toBe(200);
      expect(done.body).toEqual({ message: "Hello, Ada!" });
    } finally {
      await app.stop();
    }
  }, 180_000);
});
