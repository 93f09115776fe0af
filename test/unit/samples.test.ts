import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startersDir } from "../../src/layout.js";

const sampleFiles = readdirSync(startersDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
  .map((entry) => path.relative(startersDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));

describe("the samples", () => {
  it("name a model only in support/ai-models.ts, the one place defaults are kept", () => {
    const modelId = /["'`](gpt-[\w.-]+|o\d-[\w.-]+|claude-[\w.-]+|gemini-[\w.-]+|grok-[\w.-]+)["'`]/;
    const naming = sampleFiles.filter(
      (file) => file !== "support/ai-models.ts" && modelId.test(readFileSync(path.join(startersDir, file), "utf8")),
    );
    expect(naming).toEqual([]);
  });
});
