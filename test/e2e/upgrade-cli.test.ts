import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitAll } from "../helpers/add.js";
import { makeTempDir, repoRoot, runCli } from "../helpers/cli.js";
import { copyFixture } from "../helpers/fixtures.js";
import { snapshot } from "../helpers/snapshot.js";

// --upgrade's answers without an install: --dry-run, --json, the refusals, the manual steps.

const schema = JSON.parse(readFileSync(path.join(repoRoot, "schema/output.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let dir: string;
beforeEach(async () => {
  temp = await makeTempDir("cia-upgrade-cli-");
  dir = copyFixture("upgrade-express-v3", path.join(temp.dir, "app"));
});
afterEach(async () => {
  await temp.remove();
});

async function upgradeJson(args: string[] = []) {
  const result = await runCli(["--upgrade", "--json", ...args], { cwd: dir });
  const json = JSON.parse(result.stdout);
  expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return { ...result, json };
}

describe("--upgrade", () => {
  it("--dry-run --json: the files, the raised versions and each function moved, and nothing written", async () => {
    const before = snapshot(dir);
    const { exitCode, json } = await upgradeJson(["--dry-run"]);
    expect(exitCode).toBe(0);
    expect(json).toMatchObject({ ok: true, command: "upgrade", dryRun: true, appId: "shop-worker" });
    expect(json.files.map((file: { path: string }) => file.path)).toEqual([
      ".env.development",
      "package.json",
      "src/index.ts",
      "src/inngest/client.ts",
      "src/inngest/functions.ts",
    ]);
    expect(json.dependencies).toEqual({ inngest: "4.24.0" });
    expect(json.devDependencies).toEqual({ "@inngest/test": "^1.0.0" });
    expect(json.functions.map((fn: { id: string }) => fn.id)).toEqual([
      "hello-world",
      "sync-order",
      "quote-shipping",
      "nightly-report",
      "record-activity",
      "clean-up",
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it("says CVE-2026-42047 in one line on inngest 3.40, and not on 3.54", async () => {
    const manifest = path.join(dir, "package.json");
    const text = readFileSync(manifest, "utf8");
    writeFileSync(manifest, text.replace('"inngest": "3.54.2"', '"inngest": "^3.40.0"'));
    const exposed = await upgradeJson(["--dry-run"]);
    expect(exposed.json.warnings[0]).toMatch(/^inngest 3\.40\.0 is affected by CVE-2026-42047 .*3\.54\.0/);
    expect(exposed.stderr.split("\n").filter((line) => line.includes("CVE-2026-42047"))).toHaveLength(1);
    writeFileSync(manifest, text);
    const fixed = await upgradeJson(["--dry-run"]);
    expect(fixed.stderr).not.toContain("CVE-2026-42047");
    expect(fixed.json.warnings.join("\n")).not.toContain("CVE");
  });

  it("writes what it can, prints the manual steps with their lines, and exits 2", async () => {
    const middleware = [
      "import { InngestMiddleware } from 'inngest'",
      "",
      "export const timing = new InngestMiddleware({ name: 'timing', init: () => ({}) })",
      "",
    ].join("\n");
    writeFileSync(path.join(dir, "src/inngest/middleware.ts"), middleware);
    await commitAll(dir);
    const { exitCode, json } = await upgradeJson(["--no-install"]);
    expect(exitCode).toBe(2);
    expect(json.manualSteps).toEqual([
      expect.objectContaining({
        file: "src/inngest/middleware.ts",
        where: expect.stringMatching(/^line 3: InngestMiddleware/),
      }),
    ]);
    expect(readFileSync(path.join(dir, "src/inngest/middleware.ts"), "utf8")).toBe(middleware);
    expect(readFileSync(path.join(dir, "src/inngest/functions.ts"), "utf8")).toContain("triggers: [");
  });

  it("refuses an app without inngest in one line, writing nothing", async () => {
    const manifest = path.join(dir, "package.json");
    const parsed = JSON.parse(readFileSync(manifest, "utf8"));
    delete parsed.dependencies.inngest;
    writeFileSync(manifest, JSON.stringify(parsed, null, 2));
    const before = snapshot(dir);
    const { exitCode, json } = await upgradeJson();
    expect(exitCode).toBe(1);
    expect(json).toMatchObject({ ok: false, command: "upgrade", error: { code: "no-inngest-app" } });
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses --upgrade with --add", async () => {
    const { exitCode, json } = await upgradeJson(["--add", "cron"]);
    expect(exitCode).toBe(1);
    expect(json.error.code).toBe("conflicting-flags");
  });
});
