import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelKeys, type TryIt, TRY_IT_SUFFIX, tryItPayloads } from "../../src/contributions/features.js";
import { features as catalogue } from "../../src/features/index.js";
import { FUNCTIONS_DIR, INNGEST_DIR } from "../../src/contributions/layout.js";
import { startDevServer, type RunningApp } from "../helpers/app.js";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { appEndpoint, type EndpointClient } from "../helpers/inngest.js";
import { runScript } from "../helpers/run.js";
import { expectedRuns, expectedTryItFailures } from "./expected-sync/index.js";
import { cancelledBy, runLikeInngest, startEventApi } from "./runs.js";

const APP_NAME = "e2e-app";

export interface GeneratedAppCase {
  framework: string;
  features: string[];
  /** Per function id (without the app id), the fields its in-band sync must hold. */
  expectedSync: Record<string, Record<string, unknown>>;
}

/**
 * The whole life of a generated app, for real: the built CLI scaffolds and installs it, then its
 * own typecheck and tests run, and its dev server answers the Inngest protocol on 127.0.0.1,
 * including the runs its features list in expected-sync/ (`expectedRuns`), and every "Try it"
 * payload its README shows (but those that call a model), sent from the app's own
 * `<feature>-try-it.json` files.
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
      let endpoint: EndpointClient;
      // Where `step.sendEvent` posts its events: the Dev Server's event API, stood in for on loopback.
      let eventApi: Awaited<ReturnType<typeof startEventApi>>;

      beforeAll(async () => {
        eventApi = await startEventApi();
        app = await startDevServer(appDir, { vars: { INNGEST_DEV: eventApi.url }, timeoutMs: 180_000 });
        endpoint = appEndpoint(app.url, APP_NAME);
      }, 180_000);

      afterAll(async () => {
        await app?.stop();
        await eventApi?.close();
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
        const unknown = await endpoint.execute("no-such-function", { events: [{ name: "app/hello.world", data: {} }] });
        expect(unknown.status).toBeGreaterThanOrEqual(400);
        expect(unknown.status).toBeLessThan(600);

        const malformed = await fetch(`${endpoint.url}?fnId=${APP_NAME}-hello-world&stepId=step`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{ this is not json",
        });
        expect(malformed.status).toBeGreaterThanOrEqual(400);
        expect(malformed.status).toBeLessThan(600);

        expect((await endpoint.inspect()).status).toBe(200);
      });

      for (const run of features.flatMap((feature) => expectedRuns[feature] ?? [])) {
        it(run.title, async () => {
          for (const [i, request] of run.requests.entries()) {
            const answer = await endpoint.execute(run.functionId, { events: [run.event], steps: request.steps });
            const step = `${run.functionId}, request ${i + 1}`;
            expect(answer.status, step).toBe(request.status);
            if ("body" in request) expect(answer.body, step).toEqual(request.body);
            if (request.bodyContains) expect(JSON.stringify(answer.body), step).toContain(request.bodyContains);
          }
          expect((await endpoint.inspect()).status).toBe(200);
        });
      }

      // The README's Try it payloads, read from the files the app was generated with; which functions
      // have them is known from the starters, before the app exists.
      const appTryIt = (file: string): TryIt =>
        JSON.parse(readFileSync(path.join(appDir, INNGEST_DIR, FUNCTIONS_DIR, file), "utf8"));
      for (const feature of catalogue.filter((f) => features.includes(f.id))) {
        const file = feature.files.find((name) => name.endsWith(TRY_IT_SUFFIX));
        for (const [functionId, starter] of Object.entries(tryItPayloads(feature))) {
          // A model call is an `AIGateway` step the Inngest server makes with the provider's key; the
          // function's own test runs it against a fake model server instead.
          const skipped = modelKeys(feature).length > 0 ? "calls a model, which needs a provider key" : undefined;
          const title = starter.waits
            ? `starts ${functionId} with its Try it payload, which runs until it waits at ${starter.waits.step}`
            : `runs ${functionId} to completion with its Try it payload`;
          it.skipIf(skipped !== undefined)(skipped ? `${title} (skipped: ${skipped})` : title, async () => {
            const { event, waits } = appTryIt(file!)[functionId]!;
            const outcome = await runLikeInngest(endpoint, APP_NAME, functionId, event);
            expect(outcome.failedAttempts, functionId).toEqual({});
            if (waits)
              expect(outcome).toMatchObject({ status: "waiting", waitingOn: { op: waits.op, step: waits.step } });
            else expect(outcome.status, functionId).toBe("completed");
          });

          if (starter.cancel) {
            it(`cancels ${functionId}'s waiting run with its Try it cancel payload, by one of its cancelOn`, async () => {
              const { event, cancel } = appTryIt(file!)[functionId]!;
              const { body } = await endpoint.syncInBand();
              const synced = body.functions.find((fn) => fn.id === `${APP_NAME}-${functionId}`);
              const cancelOn = (synced?.cancel ?? []) as { event: string; if?: string }[];
              expect(cancelledBy(cancelOn, event, cancel!.event), JSON.stringify(cancelOn)).toHaveLength(1);
              // The same event about someone else (every text field changed) cancels nothing.
              const data = Object.entries(cancel!.event.data).map(([k, v]) => [
                k,
                typeof v === "string" ? `${v}-x` : v,
              ]);
              const unrelated = { ...cancel!.event, data: Object.fromEntries(data) };
              expect(cancelledBy(cancelOn, event, unrelated)).toEqual([]);
            });
          }

          if (!starter.failure) continue;
          it(`shows ${functionId}'s failure path with its Try it failure payload, as the README says`, async () => {
            const { failure } = appTryIt(file!)[functionId]!;
            const promised = expectedTryItFailures[functionId];
            expect(promised, `expected-sync has no tryItFailures entry for ${functionId}`).toBeDefined();
            const outcome = await runLikeInngest(endpoint, APP_NAME, functionId, failure!.event);
            expect(outcome).toMatchObject(promised!);
          });
        }
      }
    });
  });
}
