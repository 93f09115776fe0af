import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type RunningApp } from "../helpers/app.js";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { InngestEndpoint } from "../helpers/inngest.js";
import { runScript } from "../helpers/run.js";

const APP_NAME = "e2e-app";

export interface GeneratedAppCase {
  framework: string;
  features: string[];
  /** Per function id (without the app id), the fields its in-band sync must hold. */
  expectedSync: Record<string, Record<string, unknown>>;
}

/**
 * The whole life of a generated app, for real: the built CLI scaffolds and installs it, then its
 * own typecheck and tests run, and its dev server answers the Inngest protocol on 127.0.0.1.
 */
export function describeGeneratedApp({ framework, features, expectedSync }: GeneratedAppCase): void {
  describe(`a ${framework} app with ${features.length === 1 ? features[0] : `${features.length} features`}`, () => {
    let temp: Awaited<ReturnType<typeof makeTempDir>>;
    let appDir: string;

    beforeAll(async () => {
      temp = await makeTempDir(`cia-${framework}-`);
      appDir = path.join(temp.dir, APP_NAME);
      const result = await runCli(
        [APP_NAME, "--framework", framework, "--features", features.join(","), "--install", "--no-git"],
        { cwd: temp.dir, env: { npm_config_prefer_offline: "true" } },
      );
      expect(result.output).toContain("Installed dependencies with npm");
      expect(result.exitCode, result.output).toBe(0);
    }, 600_000);

    afterAll(async () => {
      await temp?.remove();
    });

    it("writes the starter with its special files restored", () => {
      expect(existsSync(path.join(appDir, ".gitignore"))).toBe(true);
      expect(existsSync(path.join(appDir, "_gitignore"))).toBe(false);
      expect(readFileSync(path.join(appDir, ".env.development"), "utf8")).toContain("INNGEST_DEV=1");
      const manifest = JSON.parse(readFileSync(path.join(appDir, "package.json"), "utf8"));
      expect(manifest.name).toBe(APP_NAME);
      expect(readFileSync(path.join(appDir, "src/inngest/client.ts"), "utf8")).toContain(`id: "${APP_NAME}"`);
    });

    it("type-checks", async () => {
      const result = await runScript(appDir, "typecheck");
      expect(result.exitCode, result.output).toBe(0);
    }, 180_000);

    it("passes its own tests", async () => {
      const result = await runScript(appDir, "test");
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toMatch(/Tests\s+\d+ passed/);
      expect(result.output).not.toMatch(/\d+ failed/);
    }, 300_000);

    describe("in dev mode", () => {
      let app: RunningApp;
      let endpoint: InngestEndpoint;

      beforeAll(async () => {
        app = await startDevServer(appDir);
        endpoint = new InngestEndpoint(app.url);
      }, 180_000);

      afterAll(async () => {
        await app?.stop();
      });

      it("answers GET /api/inngest with its function count and no signing key", async () => {
        const { status, body } = await endpoint.inspect();
        expect(status).toBe(200);
        expect(body).toMatchObject({
          mode: "dev",
          function_count: Object.keys(expectedSync).length,
          has_signing_key: false,
        });
      });

      it("lists every function with its configuration in an in-band sync", async () => {
        const { status, body } = await endpoint.syncInBand();
        expect(status).toBe(200);
        expect(body.app_id).toBe(APP_NAME);
        const synced = Object.fromEntries(body.functions.map((fn) => [fn.id.replace(`${APP_NAME}-`, ""), fn]));
        expect(Object.keys(synced).sort()).toEqual(Object.keys(expectedSync).sort());
        for (const [id, fields] of Object.entries(expectedSync)) {
          expect(synced[id], id).toMatchObject(fields);
        }
      });

      it("answers an unknown function or a malformed body with an error status, and keeps serving", async () => {
        const unknown = await endpoint.execute(`${APP_NAME}-no-such-function`, { name: "app/hello.world", data: {} });
        expect(unknown.status).toBeGreaterThanOrEqual(400);
        expect(unknown.status).toBeLessThan(600);

        const malformed = await fetch(`${endpoint.endpoint}?fnId=${APP_NAME}-hello-world&stepId=step`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{ this is not json",
        });
        expect(malformed.status).toBeGreaterThanOrEqual(400);
        expect(malformed.status).toBeLessThan(600);

        expect((await endpoint.inspect()).status).toBe(200);
      });

      it.runIf(features.includes("typed-events"))(
        "rejects a typed event with a bad payload with a validation error, and keeps serving",
        async () => {
          const bad = {
            name: "app/user.signed-up",
            data: { userId: "u1", email: "not-an-email", plan: "gold" },
          };
          const answer = await endpoint.execute(`${APP_NAME}-send-welcome-email`, bad);
          expect(answer.status).toBe(400);
          expect(JSON.stringify(answer.body)).toContain("EventValidationError");
          expect((await endpoint.inspect()).status).toBe(200);
        },
      );

      it.runIf(features.includes("event-basic"))(
        "runs hello-world: the step first, then the return value",
        async () => {
          const fnId = `${APP_NAME}-hello-world`;
          const event = { name: "app/hello.world", data: { name: "Ada" } };
          const first = await endpoint.execute(fnId, event);
          expect(first.status).toBe(206);
          expect(first.body).toEqual([
            expect.objectContaining({ op: "StepRun", name: "make-greeting", data: "Hello, Ada!" }),
          ]);

          const done = await endpoint.execute(fnId, event, { "make-greeting": "Hello, Ada!" });
          expect(done.status).toBe(200);
          expect(done.body).toEqual({ message: "Hello, Ada!" });
        },
      );
    });
  });
}
