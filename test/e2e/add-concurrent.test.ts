import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { copyFixture } from "../helpers/fixtures.js";

// Two `--add` runs started at once on one app (two agents, or one agent running two commands):
// each ends with its functions registered or with a one-line refusal, never "Added" with a function
// lost. Real processes, started together many times, on an app that has Inngest already.

const ROUNDS = 12;
const runs = [
  { feature: "cron", file: "src/inngest/functions/cron-weekday-digest.ts", registered: "weekdayDigest" },
  { feature: "debounce", file: "src/inngest/functions/debounce-reindex-profile.ts", registered: "reindexProfile" },
];

describe("two --add runs at once on one app", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let baseline: string;
  const outcomes: Record<string, number> = {};

  beforeAll(async () => {
    temp = await makeTempDir("cia-concurrent-");
    baseline = path.join(temp.dir, "baseline");
    copyFixture("express-split", baseline);
    const first = await runCli(["--add", "inngest", "--no-install", "--yes"], { cwd: baseline });
    expect(first.exitCode, first.output).toBe(0);
  });
  afterAll(async () => {
    await temp?.remove();
  });

  it(`end with every reported addition registered, over ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dir = path.join(temp.dir, `round-${round}`);
      cpSync(baseline, dir, { recursive: true });
      const results = await Promise.all(
        runs.map((run) => runCli(["--add", run.feature, "--no-install", "--yes"], { cwd: dir })),
      );
      const index = readFileSync(path.join(dir, "src/inngest/functions/index.ts"), "utf8");
      for (const [i, result] of results.entries()) {
        const run = runs[i]!;
        if (result.exitCode === 0) {
          expect(result.output).toContain(`Added ${run.feature}`);
          expect(existsSync(path.join(dir, run.file)), result.output).toBe(true);
          expect(index, `${run.feature} reported added, round ${round}`).toContain(run.registered);
        } else {
          expect(result.exitCode, result.output).toBe(1);
          expect(result.output.trim()).toMatch(/^✖ \S+ changed while planning: run again\. Nothing was changed\.$/m);
          expect(result.output).not.toContain("Added");
          expect(existsSync(path.join(dir, run.file))).toBe(false);
          expect(index).not.toContain(run.registered);
        }
      }
      expect(results.some((result) => result.exitCode === 0)).toBe(true);
      const key = results.map((result) => (result.exitCode === 0 ? "added" : "refused")).join("+");
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      expect(existsSync(path.join(dir, ".create-inngest-app.lock"))).toBe(false);
      rmSync(dir, { recursive: true, force: true });
    }
    console.log("outcomes", outcomes);
  }, 300_000);
});
