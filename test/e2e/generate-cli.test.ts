import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedFiles, snapshot, sourceOnly } from "../helpers/snapshot.js";
import { hasStackTrace, makeTempDir, repoRoot, runCli } from "../helpers/cli.js";
import { copyFixture } from "../helpers/fixtures.js";

/** `--function` with the built CLI in a real app directory (no install): what it refuses and prints. */
describe("create-inngest-app --function", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dir: string;
  const generate = (...args: string[]) => runCli([...args, "--no-install", "--yes"], { cwd: dir });

  beforeAll(async () => {
    temp = await makeTempDir("cia-gen-cli-");
    const created = await runCli(
      ["app", "--framework", "hono", "--features", "event-basic", "--no-install", "--no-git"],
      {
        cwd: temp.dir,
      },
    );
    expect(created.exitCode, created.output).toBe(0);
    dir = path.join(temp.dir, "app");
    const typed = await generate("--function", "typed", "--event", "app/order.paid", "--data", "orderId:string");
    expect(typed.exitCode, typed.output).toBe(0);
  });
  afterAll(() => temp?.remove());

  const ok = ["--function", "sync-contact", "--event", "crm/contact.updated"];
  // [what is wrong, the arguments, a part of the one line printed]
  const refused: [string, string[], RegExp][] = [
    [
      "an id in camel case",
      ["--function", "syncContact", "--event", "a/b"],
      /^✖ --function: "syncContact" is not a kebab-case id/,
    ],
    ["no trigger", ["--function", "x"], /^✖ --event: a function needs a trigger/],
    ["retries out of range", [...ok, "--retries", "25"], /^✖ --retries: 25 is out of range; allowed: 0 to 20\.$/],
    [
      "three concurrency limits",
      [...ok, "--concurrency", "1", "--concurrency", "2", "--concurrency", "3"],
      /at most 2/,
    ],
    ["account scope without a key", [...ok, "--concurrency", "5,scope=account"], /scope=account needs key=/],
    [
      "a priority beyond 600",
      [...ok, "--priority", "900"],
      /^✖ --priority: 900 is out of range; allowed: -600 to 600\.$/,
    ],
    ["a throttle period of 8 days", [...ok, "--throttle", "1/8d"], /allowed: 1s to 7d/],
    ["a rate limit period of 2 days", [...ok, "--rate-limit", "1/2d"], /allowed: 1s to 24h/],
    ["a debounce of 8 days", [...ok, "--debounce", "8d"], /allowed: 1s to 7d/],
    ["a batch of 500", [...ok, "--batch", "500/5s"], /allowed: 1 to 100/],
    ["a cron with a bad hour", ["--function", "x", "--cron", "0 25 * * *"], /the hour field "25"/],
    ["an unknown time zone", ["--function", "x", "--cron", "TZ=Europe/Atlantis 0 1 * * *"], /unknown time zone/],
    [
      "eleven triggers",
      ["--function", "x", ...Array.from({ length: 11 }, (_, i) => `--event=app/e.${i}`)],
      /at most 10/,
    ],
    ["duplicate step ids", [...ok, "--steps", "a,a"], /unique/],
    ["a step id not in kebab case", [...ok, "--steps", "Load"], /kebab-case step id/],
    [
      "an id the app already uses",
      ["--function", "hello-world", "--event", "a/b"],
      /already has a function with id "hello-world"/,
    ],
    [
      "an invoked function the app lacks",
      [...ok, "--invoke", "noSuchFunction"],
      /^✖ --invoke: the app exports no function named noSuchFunction/,
    ],
    [
      "other fields for a declared event",
      ["--function", "y", "--event", "app/order.paid", "--data", "orderId:number"],
      /already declared in src\/inngest\/events\.ts/,
    ],
    [
      "a new event whose name events.ts gives another event",
      ["--function", "z", "--event", "order.paid", "--data", "orderId:string"],
      /already declares orderPaid, for another event than order\.paid/,
    ],
    ["a generator flag without --function", ["--retries", "3"], /^✖ --retries goes with --function <id>/],
    ["--function without an id and no terminal", ["--function"], /^✖ --function needs an id/],
    ["--function with a project name", ["my-app", ...ok], /existing app/],
  ];

  it.each(refused)("refuses %s: exit 1, one line, nothing written", async (_, args, message) => {
    const before = snapshot(dir, sourceOnly);
    const result = await generate(...args);
    expect(result.exitCode, result.output).toBe(1);
    const lines = result.output.trim().split("\n");
    expect(lines, result.output).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(hasStackTrace(result.output)).toBe(false);
    expect(changedFiles(before, snapshot(dir, sourceOnly))).toEqual([]);
  });

  it("--dry-run --json prints one object with the files and the config it would register, and writes nothing", async () => {
    const before = snapshot(dir, sourceOnly);
    const result = await generate(...ok, "--retries", "2", "--throttle", "1/5s,burst=2", "--dry-run", "--json");
    expect(result.exitCode, result.output).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      ok: true,
      command: "function",
      dryRun: true,
      functions: [{ id: "sync-contact", exportName: "syncContact", file: "src/inngest/functions/sync-contact.ts" }],
      nextSteps: expect.arrayContaining(["npx vitest run src/inngest/functions/sync-contact.test.ts"]),
      config: {
        triggers: [{ event: "crm/contact.updated" }],
        steps: { step: { retries: { attempts: 2 } } },
        throttle: { limit: 1, period: "5s", burst: 2 },
      },
    });
    expect(summary.files.map((file: { path: string }) => file.path)).toEqual([
      "src/inngest/functions/index.ts",
      "src/inngest/functions/sync-contact.test.ts",
      "src/inngest/functions/sync-contact.ts",
    ]);
    expect(changedFiles(before, snapshot(dir, sourceOnly))).toEqual([]);
  });

  it("--json writes and prints one object on stdout", async () => {
    const result = await generate(
      "--function",
      "tag-order",
      "--event",
      "app/order.tagged",
      "--data",
      "tag:string",
      "--json",
    );
    expect(result.exitCode, result.output).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ ok: true, command: "function", dryRun: false, functions: [{ id: "tag-order" }] });
    for (const file of summary.files as { path: string }[])
      expect(readFileSync(path.join(dir, file.path), "utf8").length).toBeGreaterThan(0);
  });

  it("reuses a typed event already declared in events.ts, declaring it once", async () => {
    const result = await generate("--function", "ship-order", "--event", "app/order.paid");
    expect(result.exitCode, result.output).toBe(0);
    const events = readFileSync(path.join(dir, "src/inngest/events.ts"), "utf8");
    expect(events.match(/eventType\("app\/order\.paid"/g)).toHaveLength(1);
    const shipOrder = readFileSync(path.join(dir, "src/inngest/functions/ship-order.ts"), "utf8");
    expect(shipOrder).toContain("triggers: [orderPaid]");
  });

  it("--cwd points at the app from elsewhere", async () => {
    const result = await runCli([...ok, "--cwd", "app", "--dry-run"], { cwd: temp.dir });
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("--- /dev/null\n+++ b/src/inngest/functions/sync-contact.ts");
  });

  it("--help lists the generator's flags", async () => {
    const result = await runCli(["--help"], { cwd: repoRoot });
    for (const flag of ["--function <id>", "--event", "--cron", "--throttle", "--ai-params", "--wait-for"])
      expect(result.output).toContain(flag);
  });

  it("registers in a hand-written Express app given Inngest by --add", async () => {
    const appDir = path.join(temp.dir, "express-tutorial");
    copyFixture("express-tutorial", appDir);
    const added = await runCli(["--add", "inngest", "--no-install", "--yes"], { cwd: appDir });
    expect(added.exitCode, added.output).toBe(0);
    const result = await runCli([...ok, "--no-install", "--yes"], { cwd: appDir });
    expect(result.exitCode, result.output).toBe(0);
    const index = readFileSync(path.join(appDir, "src/inngest/functions/index.ts"), "utf8").replace(/\s+/g, " ");
    expect(index).toMatch(/import \{ syncContact \} from ["']\.\/sync-contact\.js["']/);
    expect(index).toMatch(/syncContact\]/);
  });
});
