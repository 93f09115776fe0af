import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { planAdd } from "../../src/commands/add/plan.js";
import { findFeature } from "../../src/features/index.js";
import { copyFixture } from "../helpers/fixtures.js";

// Inngest's framework examples (the shape of test/fixtures/express4-flat) ship a function with the
// id "hello-world" exported by default; event-basic's sample has that id too.
describe("--add on an app whose own functions take a new function's id", () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), "cia-taken-"));
  beforeAll(loadParser);
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  const exampleApp = (id: string) => {
    const dir = copyFixture("express4-flat", path.join(temp, `${id}-${Math.random().toString(36).slice(2)}`));
    const greet = path.join(dir, "inngest/greet.ts");
    writeFileSync(greet, readFileSync(greet, "utf8").replace("id: 'greet'", `id: '${id}'`));
    return dir;
  };

  it("refuses in one line, naming the id and the app's file, before planning anything", () => {
    const dir = exampleApp("hello-world");
    const add = () => planAdd(detectProject(dir), [findFeature("event-basic")!]);
    expect(add).toThrow(
      /^--add event-basic: its function helloWorld would take the id "hello-world" of the app's own function in inngest\/greet\.ts; .* Nothing was changed\.$/,
    );
    expect(add).toThrow(expect.objectContaining({ code: "duplicate-function" }));
  });

  it("adds a feature whose ids the app does not use", () => {
    const plan = planAdd(detectProject(exampleApp("hello-world")), [findFeature("cron")!]);
    expect(plan.changes.map((change) => change.path)).toContain("inngest/cron-weekday-digest.ts");
  });

  it("names the app's own framework version in AGENTS.md (Express 4, not the new apps' Express 5)", () => {
    const plan = planAdd(detectProject(exampleApp("greet")), [findFeature("cron")!]);
    const agents = plan.changes.find((change) => change.path === "AGENTS.md")!.after;
    expect(agents).toContain("(Express 4)");
    expect(agents).not.toContain("Express 5");
  });
});
