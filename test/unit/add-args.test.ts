import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { parseArgs } from "../../src/args.js";
import { copyFixture } from "../helpers/fixtures.js";

describe("--add flags", () => {
  it("reads --add as a list of features and --cwd as a directory", () => {
    expect(parseArgs(["--add", "event-basic, cron", "--cwd", "../web", "--dry-run"])).toMatchObject({
      add: ["event-basic", "cron"],
      cwd: "../web",
      dryRun: true,
    });
    expect(parseArgs(["--add=inngest"]).add).toEqual(["inngest"]);
  });

  it("needs a value after --add", () => {
    expect(() => parseArgs(["--add"])).toThrow("--add needs a value");
  });
});

describe("detectProject", () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), "cia-detect-"));
  beforeAll(loadParser);
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it.each([
    ["pnpm-lock.yaml", "pnpm"],
    ["yarn.lock", "yarn"],
    ["bun.lock", "bun"],
    ["package-lock.json", "npm"],
  ])("installs with the manager whose lockfile is there (%s: %s)", (lockfile, manager) => {
    const dir = path.join(temp, lockfile);
    copyFixture("hono-node", dir);
    writeFileSync(path.join(dir, lockfile), "");
    expect(detectProject(dir).packageManager).toBe(manager);
  });
});
