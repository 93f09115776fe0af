import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/app.js";
import { hasStackTrace, makeTempDir, runCli } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { type BackgroundServer, run, startBackgroundServer } from "../helpers/process.js";
import { installWithNpm } from "../helpers/install-cache.js";
import { runScript } from "../helpers/run.js";
import {
  type InngestEvent,
  makeSigningKey,
  nowSeconds,
  SignedInngestEndpoint,
  signingKeyHash,
} from "../helpers/signing.js";

const APP_NAME = "prod-app";
const FUNCTION_ID = "hello-world";
const EVENT: InngestEvent = { name: "app/hello.world", data: { name: "Ada" } };

/** The environment of a production host: no INNGEST_DEV, and only the Inngest keys it is given. */
function productionEnv(port: number, keys: Record<string, string>): Record<string, string> {
  return {
    ...userEnv({
      INNGEST_DEV: undefined,
      INNGEST_SIGNING_KEY: undefined,
      INNGEST_SIGNING_KEY_FALLBACK: undefined,
      INNGEST_EVENT_KEY: undefined,
      INNGEST_BASE_URL: undefined,
    }),
    ...keys,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/**
 * A generated app as it runs in production: its own `build`, then `start` in cloud mode with a
 * signing key (and a fallback key, as during a rotation), answering only requests signed the way
 * Inngest signs them.
 */
export function describeProductionApp(framework: string): void {
  describe(`a ${framework} app in production`, () => {
    let temp: Awaited<ReturnType<typeof makeTempDir>>;
    let appDir: string;

    beforeAll(async () => {
      temp = await makeTempDir(`cia-prod-${framework}-`);
      appDir = path.join(temp.dir, APP_NAME);
      const created = await runCli(
        [APP_NAME, "--framework", framework, "--features", "event-basic", "--no-install", "--no-git"],
        { cwd: temp.dir },
      );
      expect(created.exitCode, created.output).toBe(0);
      // Installing is create-<framework>'s to prove: this app takes the run's install of its dependencies.
      const installed = await installWithNpm(appDir);
      expect(installed.exitCode, installed.output).toBe(0);
      // A production build has no Inngest keys at hand (CI, Vercel's build step): it must not need them.
      const built = await runScript(appDir, "build", {
        env: productionEnv(0, {}),
      });
      expect(built.exitCode, built.output).toBe(0);
    }, 900_000);

    afterAll(async () => {
      await temp?.remove();
    });

    it("refuses to start without a signing key, saying in one line what to set", async () => {
      const port = await freePort();
      const result = await run("npm", ["run", "start"], {
        cwd: appDir,
        env: { ...productionEnv(port, { INNGEST_EVENT_KEY: "test-event-key" }), NO_COLOR: "1" },
        timeout: 120_000,
      });
      expect(result.timedOut, result.output).toBe(false);
      expect(result.exitCode, result.output).toBe(1);
      const reasons = result.output.split("\n").filter((line) => line.includes("INNGEST_SIGNING_KEY"));
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(/INNGEST_SIGNING_KEY is not set: .*Inngest dashboard.*INNGEST_DEV=1/);
      expect(hasStackTrace(result.output)).toBe(false);
    }, 150_000);

    describe("started with a signing key and a fallback key", () => {
      const signingKey = makeSigningKey();
      const fallbackKey = makeSigningKey();
      let server: BackgroundServer;
      let endpoint: SignedInngestEndpoint;

      beforeAll(async () => {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        server = await startBackgroundServer("npm", ["run", "start"], {
          cwd: appDir,
          env: productionEnv(port, {
            INNGEST_SIGNING_KEY: signingKey,
            INNGEST_SIGNING_KEY_FALLBACK: fallbackKey,
            INNGEST_EVENT_KEY: "test-event-key",
          }),
          // In cloud mode /api/inngest refuses unsigned requests, so readiness is the home page.
          readyUrl: `${url}/`,
          timeoutMs: 120_000,
        });
        endpoint = new SignedInngestEndpoint(url, APP_NAME);
      }, 180_000);

      afterAll(async () => {
        await server?.stop();
      });

      itAnswersOnlySignedRequests({ signingKey, fallbackKey, appId: APP_NAME }, () => ({
        endpoint,
        output: server.output,
      }));

      it("accepts a signed request of nearly 4 MB, the most Inngest sends", async () => {
        // The executor sends the event twice (`event` and `events`): 2 x 1.95 MB of padding.
        const padding = "x".repeat(1_950_000);
        const large: InngestEvent = { name: EVENT.name, data: { ...EVENT.data, padding } };
        const answer = await endpoint.execute(FUNCTION_ID, large, {}, { key: signingKey });
        expect(answer.status, server.output()).toBe(206);
        expect(answer.body).toEqual([expect.objectContaining({ op: "StepRun", data: "Hello, Ada!" })]);
      });
    });
  });
}

/**
 * What an app in cloud mode, started with a signing key and a fallback key, answers: only requests
 * signed as Inngest signs them, with either key, and hello-world run step by step.
 */
export function itAnswersOnlySignedRequests(
  { signingKey, fallbackKey, appId }: { signingKey: string; fallbackKey: string; appId: string },
  app: () => { endpoint: SignedInngestEndpoint; output: () => string },
): void {
  it("answers an unsigned GET /api/inngest with 401", async () => {
    const { status, body } = await app().endpoint.inspect(false);
    expect(status).toBe(401);
    expect(body).toEqual({ message: "Unauthorized" });
  });

  it("shows cloud mode, the app and both keys' hashes to a signed GET", async () => {
    const { status, body } = await app().endpoint.inspect({ key: signingKey });
    expect(status, app().output()).toBe(200);
    expect(body).toMatchObject({
      mode: "cloud",
      authentication_succeeded: true,
      has_signing_key: true,
      has_event_key: true,
      app_id: appId,
      function_count: 1,
      signing_key_hash: signingKeyHash(signingKey),
      signing_key_fallback_hash: signingKeyHash(fallbackKey),
    });
  });

  it("refuses an execution with no signature, another key's, or an expired one", async () => {
    const { endpoint } = app();
    expect((await endpoint.execute(FUNCTION_ID, EVENT, {}, false)).status).toBe(401);
    expect((await endpoint.execute(FUNCTION_ID, EVENT, {}, { key: makeSigningKey() })).status).toBe(401);
    const sixMinutesAgo = nowSeconds() - 6 * 60;
    const expired = await endpoint.execute(
      FUNCTION_ID,
      EVENT,
      {},
      { key: signingKey, timestampSeconds: sixMinutesAgo },
    );
    expect(expired.status).toBe(401);
  });

  it("runs hello-world step by step when Inngest signs the requests", async () => {
    const first = await app().endpoint.execute(FUNCTION_ID, EVENT, {}, { key: signingKey });
    expect(first.status, app().output()).toBe(206);
    expect(first.body).toEqual([
      expect.objectContaining({ op: "StepRun", name: "make-greeting", data: "Hello, Ada!" }),
    ]);
    const done = await app().endpoint.execute(
      FUNCTION_ID,
      EVENT,
      { "make-greeting": "Hello, Ada!" },
      { key: signingKey },
    );
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ message: "Hello, Ada!" });
  });

  it("accepts a signature made with the fallback key, for key rotation", async () => {
    const done = await app().endpoint.execute(
      FUNCTION_ID,
      EVENT,
      { "make-greeting": "Hello, Ada!" },
      { key: fallbackKey },
    );
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ message: "Hello, Ada!" });
  });
}
