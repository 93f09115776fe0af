import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { features } from "../../src/features/index.js";
import { frameworks } from "../../src/frameworks/index.js";
import { planProject } from "../../src/commands/create/plan.js";
import { makeTempDir, repoRoot } from "../helpers/cli.js";
import { run } from "../helpers/process.js";

/** The repository's formatter settings, without its own file selection. */
function formatterConfig(): string {
  const config = JSON.parse(readFileSync(path.join(repoRoot, "biome.json"), "utf8"));
  const { formatter, javascript, json } = config;
  return `${JSON.stringify(
    {
      formatter,
      javascript,
      json,
      vcs: { enabled: false },
      linter: { enabled: false },
      files: { includes: ["**", "!**/*.md"] },
    },
    null,
    2,
  )}\n`;
}

describe("generated files", async () => {
  const temp = await makeTempDir("cia-format-");
  afterAll(() => temp.remove());

  it.each(frameworks.map((framework) => framework.id))(
    "of a %s app with the whole catalogue come out formatted as this repository's code",
    async (frameworkId) => {
      const targetDir = path.join(temp.dir, frameworkId);
      const plan = planProject({
        targetDir,
        projectName: "formatted-app",
        framework: frameworks.find((framework) => framework.id === frameworkId)!,
        features,
        packageManager: "npm",
      });
      for (const file of plan.files) {
        mkdirSync(path.dirname(path.join(targetDir, file.path)), { recursive: true });
        writeFileSync(path.join(targetDir, file.path), file.contents);
      }
      const configDir = path.join(temp.dir, `${frameworkId}-config`);
      mkdirSync(configDir);
      writeFileSync(path.join(configDir, "biome.json"), formatterConfig());
      const biome = path.join(repoRoot, "node_modules/.bin/biome");
      const result = await run(biome, ["format", `--config-path=${configDir}`, "."], { cwd: targetDir });
      expect(result.output).toMatch(/Checked \d+ files/);
      expect(result.exitCode, result.output).toBe(0);
    },
  );
});
