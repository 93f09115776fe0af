import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser, parseJsonc } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { planAdd } from "../../src/commands/add/plan.js";
import { findFeature } from "../../src/features/index.js";
import { copyFixture } from "../helpers/fixtures.js";

const eventBasic = findFeature("event-basic")!;

describe("--add on a Hono app on Cloudflare Workers", () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), "cia-add-workers-"));
  beforeAll(loadParser);
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  const workerApp = (wrangler?: { file: string; text: string }) => {
    const dir = copyFixture("hono-workers", path.join(temp, Math.random().toString(36).slice(2)));
    if (wrangler) {
      rmSync(path.join(dir, "wrangler.jsonc"));
      writeFileSync(path.join(dir, wrangler.file), wrangler.text);
    }
    return dir;
  };
  const changed = (dir: string, file: string) =>
    planAdd(detectProject(dir), [eventBasic]).changes.find((change) => change.path === file)?.after;

  const withScripts = (scripts: Record<string, string>) => {
    const dir = workerApp();
    const manifestPath = path.join(dir, "package.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    manifest.scripts = scripts;
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    return planAdd(detectProject(dir), [eventBasic]);
  };
  const plannedText = (plan: ReturnType<typeof planAdd>, file: string) =>
    plan.changes.find((change) => change.path === file)?.after;

  it("takes a start script that runs wrangler dev for the dev script: dev mode, AGENTS.md and the Dev Server", () => {
    const plan = withScripts({ start: "wrangler dev --env local src/index.ts", deploy: "wrangler deploy" });
    expect(JSON.parse(plannedText(plan, "package.json")!).scripts.start).toBe(
      "wrangler dev --env-file .env.development --env local src/index.ts",
    );
    expect(plannedText(plan, ".env.development")).toMatch(/^INNGEST_DEV=1$/m);
    const agents = plannedText(plan, "AGENTS.md")!;
    expect(agents).toContain("npm run start");
    expect(agents).toContain("-u http://localhost:8787/api/inngest");
    expect(plan.notes.join("\n")).not.toContain("tsx watch");
  });

  it("puts dev mode in .dev.vars, which wrangler reads by itself, when no script runs wrangler dev", () => {
    const plan = withScripts({ deploy: "wrangler deploy" });
    expect(plannedText(plan, ".dev.vars")).toMatch(/^INNGEST_DEV=1$/m);
    expect(plannedText(plan, ".env.development")).toBeUndefined();
    expect(plan.notes.join("\n")).not.toContain("tsx watch");
  });

  it("detects it as hono-workers, not Hono on Node", () => {
    expect(detectProject(workerApp()).framework.id).toBe("hono-workers");
  });

  it("turns on nodejs_compat in create-hono's wrangler.jsonc, where the flag is only commented out", () => {
    const dir = workerApp();
    const after = changed(dir, "wrangler.jsonc")!;
    expect((parseJsonc(after, "wrangler.jsonc") as Record<string, unknown>).compatibility_flags).toEqual([
      "nodejs_compat",
    ]);
    // Every line of the original is still there, comments included.
    for (const line of readFileSync(path.join(dir, "wrangler.jsonc"), "utf8").split("\n"))
      expect(after).toContain(line.replace(/"$/, ""));
  });

  it("adds the flag to an existing compatibility_flags, and leaves a config that has it alone", () => {
    const withOther = '{\n  "main": "src/index.ts",\n  "compatibility_flags": ["global_fetch_strictly_public"]\n}\n';
    const after = changed(workerApp({ file: "wrangler.jsonc", text: withOther }), "wrangler.jsonc")!;
    expect((parseJsonc(after, "wrangler.jsonc") as Record<string, unknown>).compatibility_flags).toEqual([
      "nodejs_compat",
      "global_fetch_strictly_public",
    ]);
    const already = '{ "main": "src/index.ts", "compatibility_flags": ["nodejs_compat"] }\n';
    expect(changed(workerApp({ file: "wrangler.json", text: already }), "wrangler.json")).toBeUndefined();
  });

  it("adds the flag under compatibility_date in a wrangler.toml", () => {
    const toml = 'name = "api"\nmain = "src/index.ts"\ncompatibility_date = "2026-11-01"\n';
    expect(changed(workerApp({ file: "wrangler.toml", text: toml }), "wrangler.toml")).toBe(
      'name = "api"\nmain = "src/index.ts"\ncompatibility_date = "2026-11-01"\ncompatibility_flags = ["nodejs_compat"]\n',
    );
  });

  it("adds enable_weak_ref for a compatibility_date before 2025-05-05 (the SDK uses FinalizationRegistry), and says why", () => {
    const toml = 'name = "api"\nmain = "src/index.ts"\ncompatibility_date = "2024-06-01"\n';
    const dir = workerApp({ file: "wrangler.toml", text: toml });
    const plan = planAdd(detectProject(dir), [eventBasic]);
    expect(plan.changes.find((change) => change.path === "wrangler.toml")?.after).toBe(
      'name = "api"\nmain = "src/index.ts"\ncompatibility_date = "2024-06-01"\ncompatibility_flags = ["nodejs_compat", "enable_weak_ref"]\n',
    );
    expect(plan.notes).toContainEqual(
      expect.stringMatching(/^wrangler\.toml has compatibility_date 2024-06-01: enable_weak_ref/),
    );

    const withCompat =
      '{\n  "main": "src/index.ts",\n  "compatibility_date": "2025-05-04",\n  "compatibility_flags": ["nodejs_compat"]\n}\n';
    const after = changed(workerApp({ file: "wrangler.jsonc", text: withCompat }), "wrangler.jsonc")!;
    expect((parseJsonc(after, "wrangler.jsonc") as Record<string, unknown>).compatibility_flags).toEqual([
      "enable_weak_ref",
      "nodejs_compat",
    ]);
    const recent =
      '{\n  "main": "src/index.ts",\n  "compatibility_date": "2025-05-05",\n  "compatibility_flags": ["nodejs_compat"]\n}\n';
    expect(changed(workerApp({ file: "wrangler.jsonc", text: recent }), "wrangler.jsonc")).toBeUndefined();
  });

  it("keeps an app's own .dev.vars in use: dev mode goes there, not behind wrangler dev --env-file", () => {
    const dir = workerApp();
    writeFileSync(path.join(dir, ".dev.vars"), "API_TOKEN=local\n");
    const plan = planAdd(detectProject(dir), [eventBasic]);
    expect(changed(dir, ".dev.vars")).toMatch(/^API_TOKEN=local\n(#.*\n)*INNGEST_DEV=1\n$/);
    expect(JSON.parse(changed(dir, "package.json")!).scripts.dev).toBe("wrangler dev");
    expect(plan.changes.map((change) => change.path)).not.toContain(".env.development");
    // Without a file of its own, the dev script loads .env.development, as a new Workers app's does.
    expect(JSON.parse(changed(workerApp(), "package.json")!).scripts.dev).toBe(
      "wrangler dev --env-file .env.development",
    );
  });

  it("says where the flag goes when there is no wrangler config to edit", () => {
    const dir = workerApp();
    rmSync(path.join(dir, "wrangler.jsonc"));
    const plan = planAdd(detectProject(dir), [eventBasic]);
    expect(plan.manual).toContainEqual(expect.objectContaining({ file: "wrangler.jsonc" }));
  });

  it("gives the Node test helpers Node's types, which the app's tsconfig does not list", () => {
    const dir = workerApp();
    const plan = planAdd(detectProject(dir), [eventBasic]);
    expect(plan.devDependencies).toHaveProperty("@types/node");
    expect(changed(dir, "src/inngest/testing.ts")).toMatch(/^\/\/\/ <reference types="node" \/>\n/);
    expect(changed(copyFixture("hono-node", path.join(temp, "node")), "src/inngest/testing.ts")).not.toContain(
      "<reference",
    );
  });

  describe("built with Vite and @cloudflare/vite-plugin (create-hono's cloudflare-workers+vite)", () => {
    const viteApp = () => copyFixture("hono-workers-vite", path.join(temp, Math.random().toString(36).slice(2)));

    it("is a TypeScript Workers app although it has no typescript dependency", () => {
      const project = detectProject(viteApp());
      expect(project.framework.id).toBe("hono-workers");
      expect(project.manifest.devDependencies).not.toHaveProperty("typescript");
    });

    it("is a Worker without wrangler in package.json: the plugin brings it as a peer dependency", () => {
      const dir = viteApp();
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
      delete manifest.devDependencies.wrangler;
      writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
      const project = detectProject(dir);
      expect(project.framework.id).toBe("hono-workers");
      expect(project.vitePlugin).toBe(true);
    });

    it("puts dev mode in .dev.vars, which every version of the plugin reads, and leaves the `vite` dev script alone", () => {
      const dir = viteApp();
      const plan = planAdd(detectProject(dir), [eventBasic]);
      const paths = plan.changes.map((change) => change.path);
      expect(changed(dir, ".dev.vars")).toMatch(/^INNGEST_DEV=1$/m);
      expect(paths).not.toContain(".env.development");
      expect(paths).not.toContain(".env");
      expect(JSON.parse(changed(dir, "package.json")!).scripts.dev).toBe("vite");
      expect(changed(dir, "src/inngest/client.ts")).not.toContain(".env.development");
      expect(plan.notes.join("\n")).toContain(".gitignore ignores .dev.vars:");
      expect(plan.notes.join("\n")).toContain("npx inngest-cli@latest dev -u http://localhost:5173/api/inngest");
      expect(changed(dir, "AGENTS.md")).toContain("`npx inngest-cli@latest dev -u http://localhost:5173/api/inngest`");
      expect(changed(dir, "src/index.tsx")).toContain("'/api/inngest'");
    });

    it("says nothing of .gitignore when a later `!` line keeps the file in git", () => {
      const dir = viteApp();
      writeFileSync(path.join(dir, ".gitignore"), "node_modules/\n.dev.vars*\n!.dev.vars\n");
      const plan = planAdd(detectProject(dir), [eventBasic]);
      expect(plan.notes.join("\n")).not.toContain(".gitignore ignores");
    });

    it("adds to .dev.vars when the app has one: the plugin then reads no .env", () => {
      const dir = viteApp();
      writeFileSync(path.join(dir, ".dev.vars"), "API_TOKEN=local");
      const plan = planAdd(detectProject(dir), [eventBasic]);
      expect(changed(dir, ".dev.vars")).toMatch(/^API_TOKEN=local\n(#.*\n)*INNGEST_DEV=1\n$/);
      expect(plan.changes.map((change) => change.path)).not.toContain(".env");
    });

    it("adds nodejs_compat_v2 for a compatibility_date before 2024-09-23: the plugin runs no other", () => {
      const dir = viteApp();
      const config = readFileSync(path.join(dir, "wrangler.jsonc"), "utf8");
      writeFileSync(path.join(dir, "wrangler.jsonc"), config.replace(/"\d{4}-\d{2}-\d{2}"/, '"2024-06-01"'));
      const after = changed(dir, "wrangler.jsonc")!;
      expect((parseJsonc(after, "wrangler.jsonc") as Record<string, unknown>).compatibility_flags).toEqual([
        "nodejs_compat",
        "enable_weak_ref",
        "nodejs_compat_v2",
      ]);
    });

    it("refuses a JavaScript app: no tsconfig.json", () => {
      const dir = viteApp();
      rmSync(path.join(dir, "tsconfig.json"));
      expect(() => detectProject(dir)).toThrow(/JavaScript Hono \(Cloudflare Workers\) app/);
    });
  });
});
