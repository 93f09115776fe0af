import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { planAdd } from "../../src/commands/add/plan.js";
import { writeAll } from "../../src/app/write/write.js";
import { readmeNotes } from "../../src/contributions/features.js";
import { findFeature } from "../../src/features/index.js";
import { frameworks } from "../../src/frameworks/index.js";
import { planProject } from "../../src/commands/create/plan.js";

// Create and --add read the same declarations. A project created with features F, and a bare
// project given F by --add, must hold the same files; the only documented differences are the
// functions index (--add splices into the bare project's empty list) and the README (--add
// prints the features' notes instead of editing the user's README).

const featureIds = ["event-basic", "typed-events", "logging-middleware", "agent-network", "cron"];
const chosen = featureIds.map((id) => findFeature(id)!);

const temp = mkdtempSync(path.join(os.tmpdir(), "cia-equivalence-"));
beforeAll(loadParser);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function writeTree(dir: string, files: readonly { path: string; contents: string }[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.contents);
  }
}

function readTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    tree.set(path.relative(dir, absolute).split(path.sep).join("/"), readFileSync(absolute, "utf8"));
  }
  return tree;
}

describe.each(frameworks.map((framework) => framework.id))("a %s app", (frameworkId) => {
  const framework = frameworks.find((candidate) => candidate.id === frameworkId)!;
  const options = (name: string, features: typeof chosen) => ({
    targetDir: path.join(temp, `${frameworkId}-${name}`),
    projectName: "same-app",
    framework,
    features,
    packageManager: "npm" as const,
  });

  it("gets the same files from create with the features as from --add on a bare project", () => {
    const created = planProject(options("created", chosen));
    const createdDir = created.options.targetDir;
    writeTree(createdDir, created.files);

    const bare = planProject(options("added", []));
    const addedDir = bare.options.targetDir;
    writeTree(addedDir, bare.files);
    const plan = planAdd(detectProject(addedDir), chosen);
    expect(plan.manual).toEqual([]);
    expect(plan.added).toEqual(chosen);
    writeAll(addedDir, plan.changes);

    const fromCreate = readTree(createdDir);
    const fromAdd = readTree(addedDir);
    expect([...fromAdd.keys()].sort()).toEqual([...fromCreate.keys()].sort());

    const editPoints = new Set(["src/inngest/functions/index.ts", "README.md", "package.json"]);
    for (const [file, contents] of fromCreate) {
      if (editPoints.has(file)) continue;
      expect(fromAdd.get(file), file).toBe(contents);
    }

    // The functions index: the same imports and the same functions, registered in the same order.
    const registered = (index: string) => ({
      imports: index.split("\n").filter((line) => line.startsWith("import {")),
      names: /export const functions(?:: [^=]+)? = \[([^\]]*)\]/
        .exec(index)![1]!
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean),
    });
    const createdIndex = registered(fromCreate.get("src/inngest/functions/index.ts")!);
    const addedIndex = registered(fromAdd.get("src/inngest/functions/index.ts")!);
    expect(addedIndex.names).toEqual(createdIndex.names);
    expect(addedIndex.imports).toEqual(createdIndex.imports);
    expect(createdIndex.names.length).toBe(chosen.flatMap((feature) => feature.functions).length);

    // package.json: the same dependencies at the same versions.
    const dependencies = (manifest: string) => {
      const { dependencies, devDependencies } = JSON.parse(manifest);
      return { dependencies, devDependencies };
    };
    expect(dependencies(fromAdd.get("package.json")!)).toEqual(dependencies(fromCreate.get("package.json")!));

    // README: create writes the notes into the app's README, --add prints them in its summary.
    const notes = readmeNotes(chosen);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(fromCreate.get("README.md")).toContain(note);
      expect(plan.notes).toContain(note);
    }
    expect(fromAdd.get("README.md")).toBe(bare.files.find((file) => file.path === "README.md")!.contents);
  });
});
