import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedFiles, snapshot, sourceOnly } from "../helpers/snapshot.js";
import { startDevServer, type RunningApp } from "../helpers/app.js";
import { hasStackTrace, makeTempDir, runCli } from "../helpers/cli.js";
import { appEndpoint } from "../helpers/inngest.js";
import { installWithNpm } from "../helpers/install-cache.js";
import { runScript } from "../helpers/run.js";

const APP_NAME = "gen-app";

/** One `--function` run into the app, and what the in-band sync must then report. */
export interface GeneratedFunctionCase {
  args: string[];
  /** Per function id (without the app id): the fields its sync must hold, written by hand. */
  expectedSync: Record<string, Record<string, unknown>>;
}

/**
 * An app made by the built CLI, given many functions by `--function`, then installed, type-checked,
 * tested (the generated tests included), booted and synced.
 */
export function describeGeneratedFunctions(framework: string, cases: GeneratedFunctionCase[]): void {
  describe(`--function in a ${framework} app`, () => {
    let temp: Awaited<ReturnType<typeof makeTempDir>>;
    let appDir: string;
    const run = (args: string[]) => runCli(args, { cwd: appDir, env: { npm_config_prefer_offline: "true" } });

    beforeAll(async () => {
      temp = await makeTempDir(`cia-gen-${framework}-`);
      appDir = path.join(temp.dir, APP_NAME);
      const created = await runCli(
        [APP_NAME, "--framework", framework, "--features", "event-basic", "--no-install", "--no-git"],
        { cwd: temp.dir },
      );
      expect(created.exitCode, created.output).toBe(0);
      // Installing is create-<framework>'s to prove: this app takes the run's install of its dependencies.
      const installed = await installWithNpm(appDir);
      expect(installed.exitCode, installed.output).toBe(0);
    }, 600_000);
    afterAll(async () => {
      await temp?.remove();
    });

    it("writes and registers every function asked for", async () => {
      for (const testCase of cases) {
        const result = await run(testCase.args);
        expect(result.exitCode, `${testCase.args.join(" ")}\n${result.output}`).toBe(0);
        expect(result.output).toContain("registered it");
      }
    }, 600_000);

    it("declares each typed event once in events.ts, shared by the functions on it", () => {
      const events = readFileSync(path.join(appDir, "src/inngest/events.ts"), "utf8");
      expect(events.match(/eventType\("app\/user\.signed-up"/g)).toHaveLength(1);
      for (const id of ["onboard-user", "notify-signup"])
        expect(readFileSync(path.join(appDir, `src/inngest/functions/${id}.ts`), "utf8")).toMatch(
          /triggers: \[(\{ event: )?userSignedUp\b/,
        );
    });

    it("refuses the same id twice, in one line, writing nothing", async () => {
      const before = snapshot(appDir, sourceOnly);
      const again = await run(cases[0]!.args);
      expect(again.exitCode).toBe(1);
      expect(again.output.trim().split("\n")).toHaveLength(1);
      expect(again.output).toMatch(/already has a function with id/);
      expect(hasStackTrace(again.output)).toBe(false);
      expect(changedFiles(before, snapshot(appDir, sourceOnly))).toEqual([]);
    });

    it("type-checks", async () => {
      const result = await runScript(appDir, "typecheck");
      expect(result.exitCode, result.output).toBe(0);
    }, 180_000);

    it("passes its tests, the generated ones included", async () => {
      const result = await runScript(appDir, "test");
      expect(result.exitCode, result.output).toBe(0);
      for (const testCase of cases) {
        const id = testCase.args[testCase.args.indexOf("--function") + 1]!;
        expect(result.output).toContain(`${id}.test.ts`);
      }
      expect(result.output).not.toMatch(/\d+ failed/);
    }, 300_000);

    describe("in dev mode", () => {
      let app: RunningApp;
      beforeAll(async () => {
        app = await startDevServer(appDir, { env: { INNGEST_DEV: "1" } });
      }, 180_000);
      afterAll(async () => {
        await app?.stop();
      });

      it("syncs each function with exactly the configuration its flags asked for", async () => {
        const { status, body } = await appEndpoint(app.url, APP_NAME).syncInBand();
        expect(status).toBe(200);
        const synced = Object.fromEntries(
          body.functions.map((fn: { id: string }) => [fn.id.replace(`${APP_NAME}-`, ""), fn]),
        );
        for (const testCase of cases) {
          for (const [id, fields] of Object.entries(testCase.expectedSync)) {
            expect(synced[id], id).toBeDefined();
            for (const [field, value] of Object.entries(fields))
              expect(synced[id]![field as "id"], `${id}.${field}`).toEqual(value);
          }
        }
      });
    });
  });
}
