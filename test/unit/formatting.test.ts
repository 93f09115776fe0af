import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { readCodeStyle, restyle } from "../../src/app/plan/formatting.js";
import { planProject } from "../../src/commands/create/plan.js";
import { features } from "../../src/features/index.js";
import { frameworks } from "../../src/frameworks/index.js";
import { makeTempDir, repoRoot } from "../helpers/cli.js";
import { run } from "../helpers/process.js";

beforeAll(loadParser);

const reading = (files: Record<string, string>) => (file: string) => files[file] ?? null;

describe("readCodeStyle", () => {
  it("reads Biome: tabs by default, its widths, quotes and semicolons, JSON apart", () => {
    expect(readCodeStyle(reading({ "biome.json": "{}" }), {})).toEqual({
      indent: { tabs: true, width: 2 },
      jsonIndent: { tabs: true, width: 2 },
      quote: "double",
      semicolons: true,
    });
    const config = `{
      // the team's settings
      "formatter": { "indentStyle": "space", "indentWidth": 4 },
      "javascript": { "formatter": { "quoteStyle": "single", "semicolons": "asNeeded" } },
      "json": { "formatter": { "indentWidth": 2 } },
    }`;
    expect(readCodeStyle(reading({ "biome.jsonc": config }), {})).toEqual({
      indent: { tabs: false, width: 4 },
      jsonIndent: { tabs: false, width: 2 },
      quote: "single",
      semicolons: false,
    });
    expect(readCodeStyle(reading({ "biome.json": '{ "formatter": { "enabled": false } }' }), {})).toEqual({});
  });

  it("reads Prettier from .prettierrc (JSON or YAML) or package.json, over .editorconfig", () => {
    expect(
      readCodeStyle(reading({ ".prettierrc": '{ "useTabs": true, "singleQuote": true, "semi": false }' }), {}),
    ).toEqual({
      indent: { tabs: true, width: 2 },
      quote: "single",
      semicolons: false,
    });
    expect(readCodeStyle(reading({ ".prettierrc.yaml": "tabWidth: 4\nsingleQuote: true\n" }), {})).toEqual({
      indent: { tabs: false, width: 4 },
      quote: "single",
    });
    expect(readCodeStyle(reading({}), { prettier: { semi: false } })).toEqual({ semicolons: false });
    const editorconfig =
      "root = true\n\n[*]\nindent_style = space\nindent_size = 2\n\n[*.{ts,tsx}]\nindent_style = tab\n";
    expect(readCodeStyle(reading({ ".editorconfig": editorconfig }), {})).toEqual({ indent: { tabs: true, width: 2 } });
    expect(
      readCodeStyle(reading({ ".editorconfig": editorconfig, ".prettierrc.json": '{ "useTabs": false }' }), {}),
    ).toEqual({ indent: { tabs: false, width: 2 } });
    expect(readCodeStyle(reading({ ".editorconfig": "[*.md]\nindent_style = tab\n" }), {})).toEqual({});
  });
});

describe("restyle", () => {
  const code = [
    'import { inngest } from "../client";',
    "",
    "export const greet = inngest.createFunction(",
    '  { id: "greet", triggers: [{ event: "app/greet" }] },',
    "  async ({ step }) => {",
    "    const text = `line one",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test holds a template
    '  stays as it is ${"x"}`;',
    "    for (let i = 0; i < 2; i++) {",
    '      await step.run("say", () => "it\'s");',
    "    }",
    "    /**",
    "     * A comment.",
    "     */",
    "    return text;",
    "  },",
    ");",
    "",
  ].join("\n");

  it("re-indents with tabs, re-quotes and drops statement semicolons, template text untouched", () => {
    expect(restyle(code, "greet.ts", { indent: { tabs: true, width: 2 }, quote: "single", semicolons: false })).toBe(
      [
        "import { inngest } from '../client'",
        "",
        "export const greet = inngest.createFunction(",
        "\t{ id: 'greet', triggers: [{ event: 'app/greet' }] },",
        "\tasync ({ step }) => {",
        "\t\tconst text = `line one",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test holds a template
        "  stays as it is ${'x'}`",
        "\t\tfor (let i = 0; i < 2; i++) {",
        "\t\t\tawait step.run('say', () => \"it's\")",
        "\t\t}",
        "\t\t/**",
        "\t\t * A comment.",
        "\t\t */",
        "\t\treturn text",
        "\t},",
        ")",
        "",
      ].join("\n"),
    );
  });

  it("changes nothing without settings, and indents JSON by its own", () => {
    expect(restyle(code, "greet.ts", {})).toBe(code);
    expect(restyle('{\n  "a": {\n    "b": 1\n  }\n}\n', "x.json", { indent: { tabs: false, width: 4 } })).toBe(
      '{\n    "a": {\n        "b": 1\n    }\n}\n',
    );
    expect(restyle("# Title\n  indented\n", "README.md", { indent: { tabs: true, width: 2 } })).toBe(
      "# Title\n  indented\n",
    );
  });
});

describe("restyled generated files", async () => {
  const temp = await makeTempDir("cia-restyle-");
  afterAll(() => temp.remove());

  it.each([
    ["tabs", { indentStyle: "tab" }, {}, { indent: { tabs: true, width: 2 } }],
    [
      // Tabs of width 2 keep every line's length (a wider indent can make a line too long: re-wrapping
      // is a formatter's work, not restyle's).
      "tabs, single quotes, no semicolons",
      { indentStyle: "tab" },
      { quoteStyle: "single", semicolons: "asNeeded" },
      { indent: { tabs: true, width: 2 }, quote: "single", semicolons: false },
    ],
  ] as const)("pass Biome's format check with %s", async (name, formatter, javascript, style) => {
    const dir = path.join(temp.dir, name.replace(/\W+/g, "-"));
    const plan = planProject({
      targetDir: dir,
      projectName: "restyled",
      framework: frameworks.find((framework) => framework.id === "hono")!,
      features,
      packageManager: "npm",
    });
    let count = 0;
    for (const file of plan.files) {
      if (!/\.(ts|json)$/.test(file.path) || file.path === "package.json" || file.path.startsWith("tsconfig")) continue;
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), restyle(file.contents, file.path, style));
      count++;
    }
    const config = {
      formatter: { lineWidth: 120, ...formatter },
      javascript: { formatter: { trailingCommas: "all", ...javascript } },
      vcs: { enabled: false },
      linter: { enabled: false },
      files: { includes: ["**"] },
    };
    const configDir = `${dir}-config`;
    mkdirSync(configDir);
    writeFileSync(path.join(configDir, "biome.json"), JSON.stringify(config));
    const biome = path.join(repoRoot, "node_modules/.bin/biome");
    const result = await run(biome, ["format", `--config-path=${configDir}`, "."], { cwd: dir });
    expect(result.output).toContain(`Checked ${count} files`);
    expect(result.exitCode, result.output).toBe(0);
  });
});
