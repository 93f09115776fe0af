import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { planAdd } from "../../src/commands/add/plan.js";
import { writeAll } from "../../src/app/write/write.js";
import { findFeature } from "../../src/features/index.js";
import { copyFixture } from "../helpers/fixtures.js";

const eventBasic = findFeature("event-basic")!;

describe("planAdd", () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), "cia-plan-"));
  beforeAll(loadParser);
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  const copy = (fixture: string) => {
    return copyFixture(fixture, path.join(temp, `${fixture}-${Math.random().toString(36).slice(2)}`));
  };

  it("detects an Express app under src/ with NodeNext imports and npm", () => {
    const project = detectProject(copy("express-tutorial"));
    expect(project).toMatchObject({ srcDir: true, importExtension: ".js", packageManager: "npm" });
    expect(project.framework.id).toBe("express");
  });

  it("inserts into the Hono file without moving a byte of the rest", () => {
    const dir = copy("hono-node");
    const original = readFileSync(path.join(dir, "src/index.ts"), "utf8");
    const plan = planAdd(detectProject(dir), [eventBasic]);
    const edited = plan.changes.find((change) => change.path === "src/index.ts")!;
    expect(edited.before).toBe(original);
    const importsEnd = original.indexOf("import { Hono } from 'hono'") + "import { Hono } from 'hono'".length;
    const appEnd = original.indexOf("const app = new Hono()") + "const app = new Hono()".length;
    const imports = [
      "",
      "import { serve as serveInngest } from 'inngest/hono'",
      "import { inngest } from './inngest/client.js'",
      "import { functions } from './inngest/functions/index.js'",
    ].join("\n");
    const mount =
      "\n\n// Inngest: the serve endpoint.\napp.on(['GET', 'PUT', 'POST'], '/api/inngest', serveInngest({ client: inngest, functions }))";
    expect(edited.after).toBe(
      original.slice(0, importsEnd) + imports + original.slice(importsEnd, appEnd) + mount + original.slice(appEnd),
    );
  });

  it("reads the @/ alias of a Next.js app and imports through it in the route", () => {
    const dir = copy("hono-node");
    writeFileSync(
      path.join(dir, "package.json"),
      `${JSON.stringify(
        { name: "web", dependencies: { next: "16.4.3" }, devDependencies: { typescript: "5.9.3" } },
        null,
        2,
      )}\n`,
    );
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      '{\n  // comments and trailing commas are allowed here\n  "compilerOptions": { "paths": { "@/*": ["./src/*"] }, },\n}\n',
    );
    rmSync(path.join(dir, "src/index.ts"));
    cpSync(path.join(dir, "tsconfig.json"), path.join(dir, "src/app/tsconfig-copy.json"));
    const plan = planAdd(detectProject(dir), [eventBasic]);
    const route = plan.changes.find((change) => change.path === "src/app/api/inngest/route.ts")!;
    expect(route.after).toContain('import { inngest } from "@/inngest/client";');
    expect(route.after).toContain('import { functions } from "@/inngest/functions";');
    expect(plan.changes.map((change) => change.path)).toContain("src/inngest/client.ts");

    // Then more: found through the route's `@/` import, registered in the functions index.
    writeAll(dir, plan.changes);
    const again = planAdd(detectProject(dir), [eventBasic, findFeature("cron")!]);
    expect(again.skipped).toEqual([eventBasic]);
    expect(again.manual).toEqual([]);
    const index = again.changes.find((change) => change.path === "src/inngest/functions/index.ts")!;
    expect(index.after).toContain('import { weekdayDigest } from "./cron-weekday-digest";');
    expect(index.after).toContain("export const functions = [helloWorld, weekdayDigest];");
    expect(again.changes.map((change) => change.path).sort()).toEqual([
      "src/inngest/functions/cron-weekday-digest.test.ts",
      "src/inngest/functions/cron-weekday-digest.ts",
      "src/inngest/functions/index.ts",
    ]);
  });

  it("adds the dependencies to a compact hand-written package.json, keeping its keys' order", () => {
    const dir = copy("hono-node");
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    const compact = `{\n${Object.entries(manifest)
      .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(",\n")}\n}\n`;
    writeFileSync(path.join(dir, "package.json"), compact);
    const plan = planAdd(detectProject(dir), [eventBasic]);
    expect(plan.manual).toEqual([]);
    const after = JSON.parse(plan.changes.find((change) => change.path === "package.json")!.after);
    expect(after.dependencies).toMatchObject({ ...manifest.dependencies, inngest: "4.24.0" });
    expect(Object.keys(after).slice(0, Object.keys(manifest).length)).toEqual(Object.keys(manifest));
  });

  it("loads .env.development in the app's own tsx dev script", () => {
    const dir = copy("express-split");
    const plan = planAdd(detectProject(dir), [eventBasic]);
    const manifest = JSON.parse(plan.changes.find((change) => change.path === "package.json")!.after);
    expect(manifest.scripts.dev).toBe("tsx watch --env-file=.env.development src/server.ts");
    const again = planAdd(detectProject(writeAllOf(dir, plan)), [eventBasic]);
    expect(again.changes).toEqual([]);
  });

  it("names the app's real entry file when its dev script cannot be edited", () => {
    const dir = copy("express-split");
    const manifestPath = path.join(dir, "package.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    for (const script of ["vite-node --watch src/server.ts", undefined]) {
      manifest.scripts.dev = script;
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
      const plan = planAdd(detectProject(dir), [eventBasic]);
      const after = JSON.parse(plan.changes.find((change) => change.path === "package.json")!.after);
      expect(after.scripts.dev).toBe(script);
      const note = plan.notes.find((text) => text.includes("INNGEST_DEV=1"));
      expect(note).toContain("tsx watch --env-file=.env.development src/server.ts");
      expect(note).not.toContain("src/index.ts");
    }
  });

  it("names Express 4 from the app's dependency and keeps new functions flat beside the client", () => {
    const dir = copy("express4-flat");
    const project = detectProject(dir);
    expect(project.frameworkLabel).toBe("Express 4");
    expect(project.importExtension).toBe("");
    const plan = planAdd(project, [findFeature("cron")!], { agents: false });
    expect(plan.manual).toEqual([]);
    expect(plan.changes.map((change) => change.path)).toEqual([
      ".env.development",
      ".env.example",
      "inngest/cron-weekday-digest.test.ts",
      "inngest/cron-weekday-digest.ts",
      "inngest/index.ts",
      "inngest/testing.ts",
      "package.json",
      "vitest.config.ts",
    ]);
    const fn = plan.changes.find((change) => change.path === "inngest/cron-weekday-digest.test.ts")!.after;
    expect(fn).not.toContain('from "../');
    const index = plan.changes.find((change) => change.path === "inngest/index.ts")!.after;
    expect(index).toContain("export const functions = [greet, weekdayDigest];");
  });

  it("reads the module settings and the alias a tsconfig inherits through extends", () => {
    const dir = copy("express-split");
    mkdirSync(path.join(dir, "config"));
    writeFileSync(
      path.join(dir, "config/tsconfig.base.json"),
      '{\n  // shared\n  "compilerOptions": { "module": "NodeNext", "baseUrl": "..", "paths": { "@/*": ["src/*"] } }\n}\n',
    );
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      '{ "extends": ["./config/tsconfig.base.json"], "compilerOptions": { "strict": true }, "include": ["src"] }\n',
    );
    expect(detectProject(dir)).toMatchObject({ importExtension: ".js", alias: { prefix: "@/", base: "src" } });

    writeFileSync(path.join(dir, "tsconfig.json"), '{ "extends": "@company/tsconfig/node.json" }\n');
    expect(() => detectProject(dir)).toThrow(/extends "@company\/tsconfig\/node.json", which was not found/);
  });

  it("installs a workspace package from the workspace root, with the root's manager", () => {
    const root = path.join(temp, `workspace-${Math.random().toString(36).slice(2)}`);
    copyFixture("express-split", path.join(root, "apps/api"));
    copyFixture("hono-node", path.join(root, "tools/hono"));
    writeFileSync(path.join(root, "package.json"), '{ "name": "monorepo", "private": true }\n');
    writeFileSync(path.join(root, "pnpm-workspace.yaml"), 'packages:\n  - "apps/*" # the services\n');
    writeFileSync(path.join(root, "pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    expect(detectProject(path.join(root, "apps/api"))).toMatchObject({ packageManager: "pnpm", installDir: root });
    // Not one of the workspace's packages: installs on its own.
    const alone = detectProject(path.join(root, "tools/hono"));
    expect(alone).toMatchObject({ packageManager: "npm", installDir: path.join(root, "tools/hono") });

    rmSync(path.join(root, "pnpm-workspace.yaml"));
    rmSync(path.join(root, "pnpm-lock.yaml"));
    writeFileSync(path.join(root, "package.json"), '{ "name": "monorepo", "workspaces": ["apps/*", "tools/**"] }\n');
    writeFileSync(path.join(root, "yarn.lock"), "");
    expect(detectProject(path.join(root, "tools/hono"))).toMatchObject({ packageManager: "yarn", installDir: root });
  });

  it("registers client middleware in new Inngest({ ... }) in the client's own layout", () => {
    const dir = copy("hono-node");
    const withMiddleware = { ...eventBasic, clientMiddleware: [{ exportName: "AuditMiddleware", file: "audit.ts" }] };
    const fresh = planAdd(detectProject(dir), [withMiddleware]);
    const client = fresh.changes.find((change) => change.path === "src/inngest/client.ts")!;
    expect(client.after).toContain('import { AuditMiddleware } from "./middleware/audit.js";');
    expect(client.after).toContain('new Inngest({ id: "hono-node", middleware: [AuditMiddleware] })');

    const existing = [
      'import { Inngest } from "inngest";',
      "",
      "export const inngest = new Inngest({",
      '  id: "shop", // the app id',
      "  middleware: [Tracing],",
      "});",
      "",
      "class Tracing {}",
      "",
    ].join("\n");
    mkdirSync(path.join(dir, "src/inngest"), { recursive: true });
    writeFileSync(path.join(dir, "src/inngest/client.ts"), existing);
    const edited = planAdd(detectProject(dir), [withMiddleware]).changes.find(
      (change) => change.path === "src/inngest/client.ts",
    )!;
    expect(edited.after).toBe(
      existing
        .replace("middleware: [Tracing]", "middleware: [Tracing, AuditMiddleware]")
        .replace(
          'import { Inngest } from "inngest";',
          'import { Inngest } from "inngest";\nimport { AuditMiddleware } from "./middleware/audit.js";',
        ),
    );
  });

  it("mounts on the app in the app's code, not on apps that its tests make", () => {
    const dir = copy("express-split");
    writeFileSync(
      path.join(dir, "src/health.test.ts"),
      'import express from "express";\nimport { it } from "vitest";\n\nit("boots", () => {\n  const app = express();\n  app.get("/", () => {});\n});\n',
    );
    const plan = planAdd(detectProject(dir), [eventBasic]);
    expect(plan.manual).toEqual([]);
    expect(plan.changes.map((change) => change.path)).toContain("src/app.ts");
    expect(plan.changes.map((change) => change.path)).not.toContain("src/health.test.ts");
  });
});

function writeAllOf(dir: string, plan: ReturnType<typeof planAdd>): string {
  writeAll(dir, plan.changes);
  return dir;
}
