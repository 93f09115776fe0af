import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { changeSet } from "../../src/app/plan/change-set.js";
import { findTestSetup, globRegExp, withInngestTestSettings } from "../../src/app/edits/vitest-config.js";
import { addVitestSettings, testScripts } from "../../src/app/plan/test-setup.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/edits/vitest-config");
const sample = "src/inngest/functions/example.test.ts";
const glob = "src/inngest/**/*.test.ts";

beforeAll(loadParser);

describe("withInngestTestSettings", () => {
  it.each(readdirSync(fixtures).sort())("%s", (name) => {
    const input = readFileSync(path.join(fixtures, name, "input.ts"), "utf8");
    const edit = withInngestTestSettings(input, "vite.config.ts", sample, glob);
    expect(edit).toEqual({ kind: "edit", after: readFileSync(path.join(fixtures, name, "expected.ts"), "utf8") });
    // Once is enough: a second pass finds what it adds.
    expect(withInngestTestSettings(edit.kind === "edit" ? edit.after : "", "vite.config.ts", sample, glob)).toEqual({
      kind: "unchanged",
    });
  });

  it("leaves a Vite config without test settings, whose defineConfig cannot type them", () => {
    const code = 'import { defineConfig } from "vite";\n\nexport default defineConfig({ plugins: [] });\n';
    expect(withInngestTestSettings(code, "vite.config.ts", sample, glob)).toMatchObject({ kind: "manual" });
  });

  it("leaves a computed test.env", () => {
    const code =
      'import { defineConfig, loadEnv } from "vite";\n\nexport default defineConfig({ test: { env: loadEnv("test", ".", "") } });\n';
    expect(withInngestTestSettings(code, "vite.config.ts", sample, glob)).toMatchObject({
      kind: "manual",
      reason: "its test.env is computed, not an object",
    });
  });
});

describe("findTestSetup", () => {
  const reading = (files: Record<string, string>) => (file: string) => files[file] ?? null;

  it("prefers vitest.config.*, as vitest does", () => {
    expect(findTestSetup(reading({ "vitest.config.mts": "x", "vite.config.ts": "test: {}" }), true)).toEqual({
      kind: "config",
      file: "vitest.config.mts",
    });
  });

  it("takes vite.config.* when the app runs vitest or sets test there, and not otherwise", () => {
    expect(findTestSetup(reading({ "vite.config.ts": "plugins: []" }), true)).toEqual({
      kind: "config",
      file: "vite.config.ts",
    });
    expect(findTestSetup(reading({ "vite.config.js": "test: { globals: true }" }), false)).toEqual({
      kind: "config",
      file: "vite.config.js",
    });
    expect(findTestSetup(reading({ "vite.config.ts": "plugins: [cloudflare()]" }), false)).toEqual({ kind: "none" });
  });

  it("names a workspace file or a config with projects", () => {
    expect(findTestSetup(reading({ "vitest.workspace.ts": "[]", "vitest.config.ts": "" }), true)).toEqual({
      kind: "projects",
      file: "vitest.workspace.ts",
    });
    expect(findTestSetup(reading({ "vitest.config.ts": "test: { projects: ['packages/*'] }" }), true)).toEqual({
      kind: "projects",
      file: "vitest.config.ts",
    });
  });
});

describe("globRegExp", () => {
  it.each([
    ["**/*.{test,spec}.?(c|m)[jt]s?(x)", "src/inngest/functions/a.test.ts", true],
    ["src/**/*.test.ts", "src/inngest/functions/a.test.ts", true],
    ["./src/**/*.test.ts", "src/a.test.ts", true],
    ["test/**/*.spec.ts", "src/inngest/functions/a.test.ts", false],
    ["src/*.test.ts", "src/inngest/a.test.ts", false],
  ])("%s matches %s: %s", (pattern, file, matches) => {
    expect(globRegExp(pattern).test(file)).toBe(matches);
  });
});

describe("addVitestSettings and testScripts", () => {
  const starter =
    'import { defineConfig } from "vitest/config";\n\nexport default defineConfig({\n  test: {\n    // Dev mode.\n    env: { INNGEST_DEV: "1" },\n  },\n});\n';

  it("writes no vitest.config.ts over settings in vite.config.ts, and extends those", () => {
    const files: Record<string, string> = {
      "vite.config.ts":
        'import { defineConfig } from "vitest/config";\n\nexport default defineConfig({ test: { globals: true } });\n',
    };
    const { editor, changes } = changeSet((file) => files[file] ?? null, "");
    addVitestSettings({ manifest: { devDependencies: { vitest: "4.1.12" } } }, editor, starter, "src/inngest");
    expect([...changes.keys()]).toEqual(["vite.config.ts"]);
    expect(changes.get("vite.config.ts")!.after).toContain('test: { globals: true, env: { INNGEST_DEV: "1" } }');
  });

  it("beside jest, keeps the test script and gives vitest the Inngest tests only, in a script of their own", () => {
    const { editor, changes } = changeSet(() => null, "");
    const manifest = { scripts: { test: "jest" } };
    addVitestSettings({ manifest }, editor, starter, "src/inngest");
    expect(changes.get("vitest.config.ts")!.after).toContain(
      '    env: { INNGEST_DEV: "1" },\n    include: ["src/inngest/**/*.test.ts"],\n',
    );
    const notes: string[] = [];
    expect(testScripts(manifest.scripts, "src/inngest", notes)).toEqual({ "test:inngest": "vitest run src/inngest" });
    expect(notes.join("\n")).toContain('"test:inngest"');
  });

  it("replaces npm init's placeholder test script, and adds none beside vitest", () => {
    expect(testScripts({ test: 'echo "Error: no test specified" && exit 1' }, "src/inngest", [])).toEqual({
      test: "vitest run",
    });
    expect(testScripts({ test: "vitest --run" }, "src/inngest", [])).toEqual({});
  });
});
