import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agentsSection, SECTION_BEGIN, SECTION_END, withAgentsSection } from "../../src/contributions/agents.js";
import { findFeature } from "../../src/features/index.js";
import { frameworks } from "../../src/frameworks/index.js";
import { startersDir } from "../../src/contributions/layout.js";
import { planProject } from "../../src/commands/create/plan.js";

const v4Facts = readFileSync(path.join(startersDir, "agents", "inngest-v4.md"), "utf8").trimEnd();

function created(frameworkId: string, extra: { agents?: boolean; packageManager?: "npm" | "pnpm" } = {}) {
  return planProject({
    targetDir: "/tmp/not-written",
    projectName: "billing-worker",
    framework: frameworks.find((framework) => framework.id === frameworkId)!,
    features: [findFeature("event-basic")!],
    packageManager: extra.packageManager ?? "npm",
    ...(extra.agents === undefined ? {} : { agents: extra.agents }),
  });
}

const facts = {
  frameworkLabel: "Hono",
  appId: "shop",
  clientFile: "src/inngest/client.ts",
  eventsFile: "src/inngest/events.ts",
  functionsDir: "src/inngest/functions",
  serveHandler: "src/index.ts",
  devCommand: "npm run dev",
  devServerCommand: "npx inngest-cli@latest dev",
  testCommand: "npm test",
};

describe("AGENTS.md in a created app", () => {
  it.each(frameworks.map((framework) => framework.id))("%s: one marked section with the app's own paths", (id) => {
    const framework = frameworks.find((candidate) => candidate.id === id)!;
    const agents = created(id, { packageManager: "pnpm" }).files.find((file) => file.path === "AGENTS.md")?.contents;
    expect(agents).toBeDefined();
    expect(agents!.startsWith(`${SECTION_BEGIN}\n`)).toBe(true);
    expect(agents!.endsWith(`${SECTION_END}\n`)).toBe(true);
    expect(agents).toContain(`Serve handler: \`${framework.serveHandlerPath}\``);
    expect(agents).toContain('new Inngest({ id: "billing-worker" })');
    expect(agents).toContain("Run the app in dev mode: `pnpm dev`");
    expect(agents).toContain("Run the tests: `pnpm test`");
    const devServerUrl = framework.devPort === 3000 ? "" : ` -u http://localhost:${framework.devPort}/api/inngest`;
    expect(agents).toContain(`Run the Inngest Dev Server beside it: \`npx inngest-cli@latest dev${devServerUrl}\``);
    expect(agents).toContain("npx create-inngest-app@latest --function <id>");
    expect(agents).toContain(v4Facts);
    expect(agents).not.toMatch(/__[A-Z0-9_]+__/);
  });

  it.each(frameworks.map((framework) => framework.id))("%s: every file it names is in the app", (id) => {
    const plan = created(id);
    const agents = plan.files.find((file) => file.path === "AGENTS.md")!.contents;
    const paths = new Set(plan.files.map((file) => file.path));
    const named = [...agents.matchAll(/`((?:src|app)\/[\w./-]+\.tsx?)`/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThanOrEqual(3);
    // events.ts is made by the first feature with a typed event; the section says to create it otherwise.
    for (const file of named.filter((name) => !name.endsWith("/events.ts"))) expect(paths, file).toContain(file);
  });

  it("is not written with agents off", () => {
    expect(created("next", { agents: false }).files.map((file) => file.path)).not.toContain("AGENTS.md");
  });
});

describe("the marked section in an existing AGENTS.md", () => {
  const section = agentsSection(facts);
  const mine = "# Our rules\n\nUse tabs. Never push to main.\n";

  it("is appended after a blank line, every byte of the file kept before it", () => {
    const merged = withAgentsSection(mine, section);
    expect(merged).toBe(`${mine}\n${section}`);
    expect(withAgentsSection("no newline", section)).toBe(`no newline\n\n${section}`);
  });

  it("changes nothing the second time", () => {
    const once = withAgentsSection(mine, section);
    expect(withAgentsSection(once, section)).toBe(once);
    expect(withAgentsSection(section, section)).toBe(section);
  });

  it("replaces an older section in place, keeping the text before and after it", () => {
    const before = "# Our rules\n\n";
    const after = "\n## Deploying\n\nAsk Sam.\n";
    const old = `${SECTION_BEGIN}\nInngest v3 notes from last year.\n${SECTION_END}\n`;
    const merged = withAgentsSection(before + old + after, section);
    expect(merged).toBe(before + section + after);
  });

  it("is the whole file when there is none", () => {
    expect(withAgentsSection(null, section)).toBe(section);
  });
});
