import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { planAdd } from "../../src/commands/add/plan.js";
import { findFeature } from "../../src/features/index.js";
import { findFramework } from "../../src/frameworks/index.js";
import { startersDir } from "../../src/contributions/layout.js";
import { planProject } from "../../src/commands/create/plan.js";
import { copyFixture, fixturesDir } from "../helpers/fixtures.js";

// A framework starter may override a base file; create and --add then both use its copy.

const override = readFileSync(path.join(fixturesDir, "starter-override/src/inngest/client.ts"), "utf8");
const framework = {
  ...findFramework("hono")!,
  starter: path.relative(startersDir, path.join(fixturesDir, "starter-override")),
};
const temp = mkdtempSync(path.join(os.tmpdir(), "cia-override-"));
beforeAll(loadParser);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

it("gives create and --add the framework's client instead of the base one", () => {
  const features = [findFeature("logging-middleware")!];
  const created = planProject({
    targetDir: path.join(temp, "created"),
    projectName: "hono-node",
    framework,
    features,
    packageManager: "npm",
  });
  const createdClient = created.files.find((file) => file.path === "src/inngest/client.ts")!.contents;
  expect(createdClient).toContain("checkpointing: false");
  expect(createdClient).not.toBe(readFileSync(path.join(startersDir, "base/src/inngest/client.ts"), "utf8"));

  const dir = path.join(temp, "app");
  copyFixture("hono-node", dir);
  const project = { ...detectProject(dir), framework };
  const added = planAdd(project, features).changes.find((change) => change.path === "src/inngest/client.ts")!;
  expect(added.before).toBeNull();
  expect(added.after).toBe(createdClient);
  expect(override).toContain("__APP_ID__");
});
