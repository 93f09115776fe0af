import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseArgs } from "../../src/args.js";
import { renderEventDeclaration, renderFunction, type RenderTarget } from "../../src/commands/function/render.js";
import { renderTest } from "../../src/commands/function/render-test.js";
import { parseFunctionSpec } from "../../src/commands/function/spec.js";
import { generatedFunctionCases } from "../e2e/generate-cases.js";
import { makeTempDir, repoRoot } from "../helpers/cli.js";
import { run } from "../helpers/process.js";

/** The repository's formatter settings, without its own file selection. */
function formatterConfig(): string {
  const { formatter, javascript } = JSON.parse(readFileSync(path.join(repoRoot, "biome.json"), "utf8"));
  return JSON.stringify({
    formatter,
    javascript,
    vcs: { enabled: false },
    linter: { enabled: false },
    files: { includes: ["**"] },
  });
}

// What these files compile to and do is checked in the generated apps (test/e2e/generate-*.test.ts);
// here, that they come out laid out as Biome lays out this repository's code.
describe("generated function files", async () => {
  const temp = await makeTempDir("cia-gen-format-");
  afterAll(() => temp.remove());

  it("come out formatted as Biome would format them, for every flag of the matrix", async () => {
    const target: RenderTarget = {
      client: "../client",
      clientExport: "inngest",
      events: "../events",
      testing: "../testing",
      self: "./generated",
      invoke: { exportName: "helloWorld", specifier: "./event-basic-hello-world" },
    };
    const filesDir = path.join(temp.dir, "files");
    mkdirSync(filesDir);
    for (const testCase of generatedFunctionCases) {
      const flags = parseArgs(testCase.args);
      const spec = parseFunctionSpec(flags.function!, flags.generator);
      const typed = spec.data.length > 0 ? { exportName: "typedEvent", fields: spec.data } : undefined;
      const withEvent = { ...target, triggerEvent: typed };
      writeFileSync(path.join(filesDir, `${spec.id}.ts`), renderFunction(spec, withEvent));
      writeFileSync(path.join(filesDir, `${spec.id}.test.ts`), renderTest(spec, withEvent));
      if (typed)
        writeFileSync(
          path.join(filesDir, `${spec.id}-event.ts`),
          `${renderEventDeclaration(spec.events[0]!, spec.data)}\n`,
        );
    }
    const configDir = path.join(temp.dir, "config");
    mkdirSync(configDir);
    writeFileSync(path.join(configDir, "biome.json"), formatterConfig());
    const biome = path.join(repoRoot, "node_modules/.bin/biome");
    const result = await run(biome, ["format", `--config-path=${configDir}`, "."], { cwd: filesDir });
    expect(result.output).toMatch(/Checked \d+ files/);
    expect(result.exitCode, result.output).toBe(0);
  });
});
