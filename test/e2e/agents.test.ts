import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyFixture } from "../helpers/fixtures.js";
import { snapshot, sourceOnly } from "../helpers/snapshot.js";
import { makeTempDir, runCli } from "../helpers/cli.js";

const mcpFiles = [
  [".mcp.json", "mcpServers"],
  [".cursor/mcp.json", "mcpServers"],
  [".vscode/mcp.json", "servers"],
  [".gemini/settings.json", "mcpServers"],
] as const;
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
    for (const [file, key] of mcpFiles) {
      const config = JSON.parse(readFileSync(path.join(temp.dir, "my-app", file), "utf8"));
      const { url, httpUrl } = config[key].inngest;
      expect(url ?? httpUrl, file).toBe("http://127.0.0.1:8288/mcp");
    }
    const gemini = JSON.parse(readFileSync(path.join(temp.dir, "my-app/.gemini/settings.json"), "utf8"));
    expect(gemini.context.fileName).toContain("AGENTS.md");
  });

  it("writes none of them with --no-agents", async () => {
    const result = await runCli(["my-app", ...quick, "--no-agents"], { cwd: temp.dir });
    expect(result.exitCode, result.output).toBe(0);
    expect(existsSync(path.join(temp.dir, "my-app/package.json"))).toBe(true);
    for (const file of ["AGENTS.md", ...mcpFiles.map(([name]) => name)])
      expect(existsSync(path.join(temp.dir, "my-app", file)), file).toBe(false);
  });
});

describe("files for coding agents in an app given Inngest with --add", () => {
  const appDir = () => path.join(temp.dir, "app");
  const add = (...args: string[]) => runCli(["--add", ...args, "--no-install", "--yes"], { cwd: appDir() });

  it("adds the marked section to the user's AGENTS.md, keeping every byte of it, and changes nothing the second time", async () => {
    copyFixture("express-tutorial", appDir());
    const mine = "# House rules\n\nRun `npm run lint` before every commit.\n";
    writeFileSync(path.join(appDir(), "AGENTS.md"), mine);
    const myServers = '{\n  "mcpServers": {\n    "db": { "command": "db-mcp", "args": ["--read-only"] }\n  }\n}\n';
    writeFileSync(path.join(appDir(), ".mcp.json"), myServers);
    mkdirSync(path.join(appDir(), ".gemini"));
    writeFileSync(path.join(appDir(), ".gemini/settings.json"), '{\n  "theme": "Atom One"\n}\n');

    const first = await add("event-basic");
    expect(first.exitCode, first.output).toBe(0);
    const agents = readFileSync(path.join(appDir(), "AGENTS.md"), "utf8");
    expect(agents.startsWith(`${mine}\n<!-- BEGIN:inngest -->\n`)).toBe(true);
    expect(agents.endsWith("<!-- END:inngest -->\n")).toBe(true);
    // --add made the tutorial's dev script load .env.development, so the section names it as it is.
    expect(JSON.parse(readFileSync(path.join(appDir(), "package.json"), "utf8")).scripts.dev).toContain(
      "--env-file=.env.development",
    );
    expect(agents).toContain("`npm run dev`");
    expect(agents).not.toContain("INNGEST_DEV=1 npm run dev");
    expect(agents).toContain("Serve handler: `src/index.ts`");
    const servers = JSON.parse(readFileSync(path.join(appDir(), ".mcp.json"), "utf8")).mcpServers;
    expect(servers).toEqual({
      db: { command: "db-mcp", args: ["--read-only"] },
      inngest: { type: "http", url: "http://127.0.0.1:8288/mcp" },
    });
    for (const [file, key] of mcpFiles) {
      const config = JSON.parse(readFileSync(path.join(appDir(), file), "utf8"));
      const { url, httpUrl } = config[key].inngest;
      expect(url ?? httpUrl, file).toBe("http://127.0.0.1:8288/mcp");
    }
    // Gemini CLI reads AGENTS.md only when its settings name it (and GEMINI.md only when they don't).
    expect(JSON.parse(readFileSync(path.join(appDir(), ".gemini/settings.json"), "utf8"))).toMatchObject({
      theme: "Atom One",
      context: { fileName: ["AGENTS.md", "GEMINI.md"] },
    });

    const afterFirst = snapshot(appDir(), sourceOnly);
    const second = await add("event-basic");
    expect(second.exitCode, second.output).toBe(0);
    expect(snapshot(appDir(), sourceOnly)).toEqual(afterFirst);
  });

  it("replaces an older section between the markers and leaves the text around it", async () => {
    copyFixture("hono-node", appDir());
    const before = "# Rules\n\n";
    const after = "\n## Release\n\nTag it.\n";
    const old = "<!-- BEGIN:inngest -->\nUse inngest.createFunction(config, trigger, handler).\n<!-- END:inngest -->\n";
    writeFileSync(path.join(appDir(), "AGENTS.md"), before + old + after);
    const result = await add("inngest");
    expect(result.exitCode, result.output).toBe(0);
    const agents = readFileSync(path.join(appDir(), "AGENTS.md"), "utf8");
    expect(agents.startsWith(`${before}<!-- BEGIN:inngest -->\n`)).toBe(true);
    expect(agents.endsWith(`<!-- END:inngest -->\n${after}`)).toBe(true);
    expect(agents).not.toContain("createFunction(config, trigger, handler)");
  });

  it("leaves an MCP file it cannot merge safely alone, prints the entry and exits 2", async () => {
    copyFixture("express-tutorial", appDir());
    mkdirSync(path.join(appDir(), ".cursor"));
    writeFileSync(path.join(appDir(), ".cursor/mcp.json"), '{ "mcpServers": "see the wiki" }\n');
    const result = await add("event-basic");
    expect(result.exitCode, result.output).toBe(2);
    expect(result.stdout).toContain('"inngest": { "url": "http://127.0.0.1:8288/mcp" }');
    expect(readFileSync(path.join(appDir(), ".cursor/mcp.json"), "utf8")).toBe('{ "mcpServers": "see the wiki" }\n');
    expect(existsSync(path.join(appDir(), "src/inngest/client.ts"))).toBe(true);
  });

  it("writes none of them with --no-agents", async () => {
    copyFixture("express-tutorial", appDir());
    const result = await add("event-basic", "--no-agents");
    expect(result.exitCode, result.output).toBe(0);
    expect(existsSync(path.join(appDir(), "src/inngest/client.ts"))).toBe(true);
    for (const file of ["AGENTS.md", ...mcpFiles.map(([name]) => name)])
      expect(existsSync(path.join(appDir(), file)), file).toBe(false);
  });
});
