import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadParser } from "../../src/add/ast.js";
import { detectProject } from "../../src/add/detect.js";
import { planAdd } from "../../src/add/plan.js";
import { findFeature } from "../../src/features/index.js";
import { findFramework } from "../../src/frameworks/index.js";
import { startersDir } from "../../src/layout.js";
import { planProject } from "../../src/plan.js";

// A framework starter may override a base file; create and --add then both use its copy.

const fixtures = path.resolve(import.meta.dirname, "../fixtures");
const override = readFileSync(path.join(fixtures, "starter-override/src/inngest/client.ts"), "utf8");
const framework = {
  ...findFramework("hono")!,
  starter: path.relative(startersDir, path.join(fixtures, "starter-override")),
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
  cpSync(path.join(fixtures, "hono-node"), dir, { recursive: true });
  const project = { ...detectProject(dir), framework };
  const added = planAdd(project, features).changes.find((change) => change.path === "src/inngest/client.ts")!;
  expect(added.before).toBeNull();
  expect(added.after).toBe(createdClient);
  expect(override).toContain("__APP_ID__");
});
