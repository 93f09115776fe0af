import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers/cli.js";

const quick = ["--framework", "hono", "--features", "event-basic", "--no-install", "--no-git"];

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir("cia-agents-");
});
afterEach(async () => {
  await temp.remove();
});

describe("files for coding agents in a created app", () => {
  it("writes AGENTS.md by default, naming the app's serve handler and commands", async () => {
    const result = await runCli(["my-app", ...quick, "--pm", "pnpm"], { cwd: temp.dir });
    expect(result.exitCode, result.output).toBe(0);
    const agents = readFileSync(path.join(temp.dir, "my-app/AGENTS.md"), "utf8");
    expect(agents).toMatch(/^<!-- BEGIN:inngest -->\n[\s\S]*\n<!-- END:inngest -->\n$/);
    expect(agents).toContain("Serve handler: `src/index.ts`");
    expect(agents).toContain("`pnpm dev`");
    expect(agents).toContain("two arguments");
  });

  it("writes none of them with --no-agents", async () => {
    const result = await runCli(["my-app", ...quick, "--no-agents"], { cwd: temp.dir });
    expect(result.exitCode, result.output).toBe(0);
    expect(existsSync(path.join(temp.dir, "my-app/package.json"))).toBe(true);
    expect(existsSync(path.join(temp.dir, "my-app/AGENTS.md"))).toBe(false);
  });
});
