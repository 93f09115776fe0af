import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningApp } from "../helpers/app.js";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { appEndpoint, type EndpointClient } from "../helpers/inngest.js";
import { installNode } from "../helpers/node-runtime.js";
import { startBackgroundServer } from "../helpers/process.js";
import { runScript } from "../helpers/run.js";
import { makeSigningKey, SignedInngestEndpoint } from "../helpers/signing.js";
import { expected } from "./expected-sync/event-basic.js";
import { itAnswersOnlySignedRequests } from "./production-app.js";

const APP_NAME = "e2e-worker";

/**
 * A Hono app on Cloudflare Workers, for real: installed from the npm registry (wrangler, workerd),
 * type-checked, its tests run, bundled as a deploy would, then served by `wrangler dev` in workerd
 * on 127.0.0.1. Wrangler needs Node.js 22.12+, so its commands run with Node 22 first on PATH.
 */
describe("a hono-workers app with event-basic", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let appDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    temp = await makeTempDir("cia-hono-workers-");
    appDir = path.join(temp.dir, APP_NAME);
    const node22 = await installNode(22);
    env = userEnv({ PATH: `${node22}${path.delimiter}${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false" });
    const result = await runCli(
      [APP_NAME, "--framework", "hono-workers", "--features", "event-basic", "--install", "--no-git"],
      { cwd: temp.dir, env: { npm_config_prefer_offline: "true" } },
    );
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("http://localhost:8787/api/inngest");
  }, 600_000);

  afterAll(async () => {
    await temp?.remove();
  });

  /** `wrangler dev` on a free port of 127.0.0.1, through the app's own dev script or with other flags. */
  async function startWorker(command: string, args: string[], readyPath = "/"): Promise<RunningApp> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = await startBackgroundServer(command, [...args, "--ip", "127.0.0.1", "--port", String(port)], {
      cwd: appDir,
      env,
      readyUrl: `${url}${readyPath}`,
      timeoutMs: 120_000,
    });
    return { url, ...server };
  }

  it("declares nodejs_compat and a compatibility date, and keeps secrets out of its config", () => {
    const config = readFileSync(path.join(appDir, "wrangler.jsonc"), "utf8");
    expect(config).toMatch(/"compatibility_flags": \["nodejs_compat"\]/);
    expect(config).toMatch(/"compatibility_date": "\d{4}-\d{2}-\d{2}"/);
    expect(config).toContain(`"name": "${APP_NAME}"`);
    expect(config).toContain("wrangler secret put INNGEST_SIGNING_KEY");
    expect(readFileSync(path.join(appDir, ".gitignore"), "utf8")).toContain(".wrangler/");
  });

  it("type-checks", async () => {
    const result = await runScript(appDir, "typecheck", { env });
    expect(result.exitCode, result.output).toBe(0);
  }, 180_000);

  it("passes its own tests", async () => {
    const result = await runScript(appDir, "test", { env });
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toMatch(/Tests\s+\d+ passed/);
  }, 300_000);

  it("bundles as a deploy would (wrangler deploy --dry-run)", async () => {
    const result = await runScript(appDir, "build", { env });
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("--dry-run: exiting now");
    expect(statSync(path.join(appDir, "dist", "index.js")).size).toBeGreaterThan(0);
  }, 180_000);

  describe("under wrangler dev, in dev mode (its dev script)", () => {
    let app: RunningApp;
    let endpoint: EndpointClient;

    beforeAll(async () => {
      app = await startWorker("npm", ["run", "dev", "--"], "/api/inngest");
      endpoint = appEndpoint(app.url, APP_NAME);
    }, 180_000);

    afterAll(async () => {
      await app?.stop();
    });

    it("answers GET /api/inngest in dev mode with its function count and no signing key", async () => {
      const { status, body } = await endpoint.inspect();
      expect(status, app.output()).toBe(200);
      expect(body).toMatchObject({ mode: "dev", function_count: 1, has_signing_key: false });
    });

    it("lists every function with its configuration in an in-band sync", async () => {
      const { status, body } = await endpoint.syncInBand();
      expect(status).toBe(200);
      expect(body.app_id).toBe(APP_NAME);
      const synced = Object.fromEntries(
        body.functions.map((fn: { id: string }) => [fn.id.replace(`${APP_NAME}-`, ""), fn]),
      );
      expect(Object.keys(synced)).toEqual(Object.keys(expected));
      for (const [id, fields] of Object.entries(expected)) expect(synced[id], id).toMatchObject(fields);
    });

    it("runs hello-world: the step first, then the return value", async () => {
      const event = { name: "app/hello.world", data: { name: "Ada" } };
      const first = await endpoint.execute("hello-world", { events: [event] });
      expect(first.status).toBe(206);
      expect(first.body).toEqual([
        expect.objectContaining({ op: "StepRun", name: "make-greeting", data: "Hello, Ada!" }),
      ]);
      const done = await endpoint.execute("hello-world", {
        events: [event],
        steps: { "make-greeting": "Hello, Ada!" },
      });
      expect(done.status).toBe(200);
      expect(done.body).toEqual({ message: "Hello, Ada!" });
    });
  });

  describe("under wrangler dev, in cloud mode without its secrets", () => {
    it("answers without a signing key with one line naming the secret to set", async () => {
      const app = await startWorker("npx", ["wrangler", "dev"]);
      try {
        const response = await fetch(`${app.url}/api/inngest`);
        expect(response.status).toBe(500);
        const { message } = (await response.json()) as { message: string };
        expect(message).toContain("wrangler secret put INNGEST_SIGNING_KEY");
        expect(message.split("\n")).toHaveLength(1);
      } finally {
        await app.stop();
      }
    }, 180_000);
  });

  describe("under wrangler dev, in cloud mode with its secrets as the Worker's variables", () => {
    const signingKey = makeSigningKey();
    const fallbackKey = makeSigningKey();
    let app: RunningApp;
    let endpoint: SignedInngestEndpoint;

    beforeAll(async () => {
      const vars = [
        `INNGEST_SIGNING_KEY:${signingKey}`,
        `INNGEST_SIGNING_KEY_FALLBACK:${fallbackKey}`,
        "INNGEST_EVENT_KEY:test-event-key",
      ];
      app = await startWorker("npx", ["wrangler", "dev", ...vars.flatMap((v) => ["--var", v])]);
      endpoint = new SignedInngestEndpoint(app.url, APP_NAME);
    }, 180_000);

    afterAll(async () => {
      await app?.stop();
    });

    itAnswersOnlySignedRequests({ signingKey, fallbackKey, appId: APP_NAME }, () => ({
      endpoint,
      output: app.output,
    }));

    it("writes no .dev.vars: the keys stay the Worker's variables", () => {
      expect(existsSync(path.join(appDir, ".dev.vars"))).toBe(false);
    });
  });
});
