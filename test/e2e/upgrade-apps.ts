import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitAll, runIn } from "../helpers/add.js";
import { startDevServer } from "../helpers/app.js";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { appEndpoint } from "../helpers/inngest.js";
import { changedFiles, snapshot, sourceOnly } from "../helpers/snapshot.js";

export interface UpgradeCase {
  name: string;
  /** Makes the v3 app in `dir` (an empty directory) the way its author would. */
  make: (dir: string) => Promise<void>;
  /** Function ids (without the app id) the app registers, before and after. */
  functions: string[];
  /** Files the upgrade may create or change; every other file stays byte-identical. */
  planned: string[];
  /** The app's typecheck command. */
  typecheck: [string, string[]];
  /** After the upgrade, methods other than GET, PUT and POST answer 405 before the Inngest handler. */
  guardedMethods?: boolean;
}

/** What Inngest stores of a function when it syncs: everything but the step URLs (the port differs). */
export function registration(
  fn: Record<string, unknown> & { steps?: { step?: { retries?: unknown } } },
): Record<string, unknown> {
  const { steps, ...rest } = fn;
  return { ...rest, retries: steps?.step?.retries };
}

/** Fields of a function's configuration, compared one by one between the v3 and the v4 sync. */
export const CONFIG_FIELDS = [
  "id",
  "name",
  "triggers",
  "retries",
  "concurrency",
  "throttle",
  "rateLimit",
  "debounce",
  "batchEvents",
  "cancel",
  "priority",
  "idempotency",
] as const;

async function syncOf(
  dir: string,
  appId: string,
  alsoCheck?: (url: string) => Promise<void>,
): Promise<Record<string, Record<string, unknown>>> {
  const app = await startDevServer(dir, { timeoutMs: 180_000 });
  try {
    await alsoCheck?.(app.url);
    const { status, body } = await appEndpoint(app.url, appId).inspect();
    expect(status).toBe(200);
    expect(body).toMatchObject({ mode: "dev" });
    const sync = await appEndpoint(app.url, appId).syncInBand();
    expect(sync.status).toBe(200);
    return Object.fromEntries(
      (sync.body.functions as unknown as Parameters<typeof registration>[0][]).map((fn) => [fn.id, registration(fn)]),
    );
  } finally {
    await app.stop();
  }
}

/**
 * A v3 app's whole upgrade: installed, type-checked, tested and synced on v3; --upgrade (which
 * installs); then v4 tsc, the app's tests, its own dev script in dev mode, the same registration
 * field by field, and a second run that changes nothing.
 */
export function describeUpgrade(cases: UpgradeCase[]): void {
  describe.each(cases)("--upgrade on $name", (testCase) => {
    let temp: Awaited<ReturnType<typeof makeTempDir>>;
    let dir: string;
    let appId: string;
    let before: Record<string, Record<string, unknown>>;
    let snapshotBefore: Record<string, string>;
    let upgradeOutput: string;

    beforeAll(async () => {
      temp = await makeTempDir("cia-upgrade-");
      dir = path.join(temp.dir, "user-app");
      await testCase.make(dir);
      appId = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).name;
      const install = await runIn(dir, "npm", ["install"]);
      expect(install.exitCode, install.output).toBe(0);
      const typecheck = await runIn(dir, ...testCase.typecheck);
      expect(typecheck.exitCode, `v3 typecheck: ${typecheck.output}`).toBe(0);
      const tests = await runIn(dir, "npm", ["run", "test"]);
      expect(tests.exitCode, `v3 tests: ${tests.output}`).toBe(0);
      before = await syncOf(dir, appId);
      await commitAll(dir);
      snapshotBefore = snapshot(dir, sourceOnly);
      const result = await runCli(["--upgrade"], { cwd: dir, env: { npm_config_prefer_offline: "true" } });
      upgradeOutput = result.output;
      expect(result.exitCode, result.output).toBe(0);
    }, 900_000);

    afterAll(async () => {
      // A git process the commit left behind may still be writing in .git: try again once.
      await temp?.remove().catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        await temp?.remove();
      });
    });

    it("registered the functions on v3", () => {
      expect(Object.keys(before).sort()).toEqual(testCase.functions.map((id) => `${appId}-${id}`).sort());
    });

    it("changes only the planned files, installs, and names each function moved", () => {
      expect(changedFiles(snapshotBefore, snapshot(dir, sourceOnly))).toEqual(
        [...testCase.planned, "package-lock.json"].sort(),
      );
      expect(upgradeOutput).toContain("Installed dependencies with npm");
      for (const id of testCase.functions) expect(upgradeOutput).toContain(`${id} (`);
    });

    it("type-checks and passes the app's own tests on v4", async () => {
      const typecheck = await runIn(dir, ...testCase.typecheck);
      expect(typecheck.exitCode, typecheck.output).toBe(0);
      const tests = await runIn(dir, "npm", ["run", "test"]);
      expect(tests.exitCode, tests.output).toBe(0);
      expect(tests.output).toMatch(/Tests\s+\d+ passed/);
    }, 300_000);

    it("serves every function from its own dev script in dev mode, with the v3 configuration", async () => {
      const after = await syncOf(dir, appId, async (url) => {
        if (!testCase.guardedMethods) return;
        for (const method of ["PATCH", "OPTIONS", "DELETE"]) {
          const response = await fetch(`${url}/api/inngest`, { method });
          // Express's own answer (text), not the Inngest handler's JSON: the handler was not reached.
          expect([response.status, await response.text()], method).toEqual([405, "Method Not Allowed"]);
        }
      });
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const [id, config] of Object.entries(before))
        for (const field of CONFIG_FIELDS) expect(after[id]?.[field], `${id} ${field}`).toEqual(config[field]);
    }, 240_000);

    it("changes nothing when run a second time", async () => {
      const now = snapshot(dir, sourceOnly);
      const again = await runCli(["--upgrade", "--no-install"], { cwd: dir });
      expect(again.exitCode, again.output).toBe(0);
      expect(again.output).toContain("Nothing to change");
      expect(snapshot(dir, sourceOnly)).toEqual(now);
    });
  });
}
