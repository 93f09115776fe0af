import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOrThrow } from "../helpers/process.js";
import { loadParser, parseSource } from "../../src/app/ast.js";
import { changeSet } from "../../src/app/plan/change-set.js";
import { detectProject } from "../../src/app/detect/project.js";
import { addEvents } from "../../src/app/edits/events.js";
import { editManifest } from "../../src/app/edits/manifest.js";
import { mountServeHandler } from "../../src/app/edits/mount.js";
import { registerClientMiddleware, registerInArrayOf } from "../../src/app/edits/register.js";
import { eventDeclarations } from "../../src/contributions/features.js";
import type { ImportExtension } from "../../src/frameworks/index.js";

// Each edit helper of --add on a small input file, against the exact expected file, both kept under
// test/fixtures/edits/<helper>/<case>/ (input.* and expected.*).

const fixtures = path.resolve(import.meta.dirname, "../fixtures/edits");
const cases = (helper: string) => readdirSync(path.join(fixtures, helper)).sort();
const fixture = (helper: string, name: string, file: string) =>
  readFileSync(path.join(fixtures, helper, name, file), "utf8");

/** Runs one edit on `file` holding `input`, with nothing else in the app; returns the file after it. */
function edited(
  file: string,
  input: string,
  extension: ImportExtension,
  edit: (editor: ReturnType<typeof changeSet>["editor"]) => void,
  others: (name: string) => string | null = () => null,
) {
  const { editor, changes } = changeSet((name) => (name === file ? input : others(name)), extension);
  edit(editor);
  expect(editor.plan.manual).toEqual([]);
  return changes.get(file)?.after ?? input;
}

beforeAll(loadParser);

describe("registerClientMiddleware", () => {
  it.each(cases("client-middleware"))("%s", (name) => {
    const file = "src/inngest/client.ts";
    const after = edited(file, fixture("client-middleware", name, "input.ts"), ".js", (editor) =>
      registerClientMiddleware(
        file,
        "src/inngest",
        [{ exportName: "LoggingMiddleware", file: "logging-middleware.ts" }],
        editor,
      ),
    );
    expect(after).toBe(fixture("client-middleware", name, "expected.ts"));
  });
});

describe("registerInArrayOf", () => {
  it.each(cases("functions-array"))("%s", (name) => {
    const file = "src/inngest/functions/index.ts";
    const input = fixture("functions-array", name, "input.ts");
    const after = edited(file, input, "", (editor) =>
      registerInArrayOf(
        { file, code: input, program: parseSource(input, file) },
        "functions",
        [{ exportName: "weekdayDigest", file: "src/inngest/functions/cron-weekday-digest.ts" }],
        editor,
      ),
    );
    expect(after).toBe(fixture("functions-array", name, "expected.ts"));
  });
});

describe("addEvents", () => {
  it.each(cases("events"))("%s", (name) => {
    const file = "src/inngest/events.ts";
    const after = edited(file, fixture("events", name, "input.ts"), "", (editor) =>
      addEvents(file, eventDeclarations(["userSignedUp", "welcomeEmailSent"]), editor),
    );
    expect(after).toBe(fixture("events", name, "expected.ts"));
  });

  it("creates the module when the app has none", () => {
    const { editor, changes } = changeSet(() => null, "");
    addEvents("src/inngest/events.ts", eventDeclarations(["welcomeEmailSent"]), editor);
    expect(changes.get("src/inngest/events.ts")?.after).toBe(
      fixture("events", "append", "expected.ts").replace(/^export const (orderPlaced|userSignedUp) = .*\n\n/gm, ""),
    );
  });
});

describe("mountServeHandler", () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), "cia-mount-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it.each(cases("mount"))("%s", (name) => {
    const framework = name.startsWith("express") ? "express" : "hono";
    const dir = path.join(temp, name);
    mkdirSync(path.join(dir, "src"), { recursive: true });
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name, dependencies: { [framework]: "*" }, devDependencies: { typescript: "*" } }),
    );
    writeFileSync(path.join(dir, "tsconfig.json"), '{ "compilerOptions": { "module": "NodeNext" } }');
    const input = fixture("mount", name, "input.ts");
    writeFileSync(path.join(dir, "src/index.ts"), input);
    // The app's other modules, when the case has some (a factory the input imports): src/ beside input.ts.
    const others = path.join(fixtures, "mount", name, "src");
    if (existsSync(others)) cpSync(others, path.join(dir, "src"), { recursive: true });
    const project = detectProject(dir);
    const onDisk = (file: string) =>
      existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), "utf8") : null;
    const after = edited(
      "src/index.ts",
      input,
      project.importExtension,
      (editor) =>
        mountServeHandler(
          project,
          {
            clientFile: "src/inngest/client.ts",
            clientExport: "inngest",
            indexFile: "src/inngest/functions/index.ts",
          },
          editor,
        ),
      onDisk,
    );
    expect(after).toBe(fixture("mount", name, "expected.ts"));
  });
});

describe("editManifest", () => {
  it.each(cases("manifest"))("%s", (name) => {
    const manifestText = fixture("manifest", name, "input.json");
    const project = { manifestText, manifest: JSON.parse(manifestText) };
    const after = editManifest(
      project,
      { inngest: "4.24.0" },
      { "@inngest/test": "1.0.0", vitest: "4.0.0" },
      { test: "vitest run" },
    );
    expect(after).toBe(fixture("manifest", name, "expected.json"));
  });

  // npm itself is the reference: on each layout, the edit writes what `npm pkg set` writes, byte for byte.
  const layouts = {
    "compact lines":
      '{\n  "name": "a", "scripts": { "start": "node ." },\n  "dependencies": { "zod": "^4.0.0", "express": "^5.1.0" } }\n',
    "one line, no final newline": '{"name":"a","dependencies":{"zod":"^4.0.0","express":"^5.1.0"}}',
    "tabs and CRLF": '{\r\n\t"name": "a",\r\n\t"dependencies": {"zod": "^4.0.0", "express": "^5.1.0"}\r\n}\r\n',
    "empty object": "{}\n",
  };
  const temp = mkdtempSync(path.join(os.tmpdir(), "cia-manifest-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it.each(Object.entries(layouts))("writes what npm pkg set writes: %s", async (name, manifestText) => {
    const dir = path.join(temp, name.replace(/\W+/g, "-"));
    mkdirSync(dir);
    writeFileSync(path.join(dir, "package.json"), manifestText);
    await runOrThrow("npm", ["pkg", "set", "scripts.test=vitest run", "dependencies.inngest=4.24.0"], { cwd: dir });
    const after = editManifest(
      { manifestText, manifest: JSON.parse(manifestText) },
      { inngest: "4.24.0" },
      {},
      {
        test: "vitest run",
      },
    );
    expect(after).toBe(readFileSync(path.join(dir, "package.json"), "utf8"));
  });
});
