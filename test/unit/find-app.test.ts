import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { findApp } from "../../src/app/detect/find-app.js";
import { planAdd } from "../../src/commands/add/plan.js";

// Which app --add mounts on, over small apps written as files in a temp dir.

const temp = mkdtempSync(path.join(os.tmpdir(), "cia-find-app-"));
beforeAll(loadParser);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let n = 0;
/** An app of `framework` with these source files (and a tsconfig with the `@/*` alias); its project. */
function app(dependencies: Record<string, string>, files: Record<string, string>) {
  const dir = path.join(temp, `app-${n++}`);
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "app", dependencies, devDependencies: { typescript: "5.9.3" } }),
  );
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "ESNext", moduleResolution: "Bundler", paths: { "@/*": ["./src/*"] } },
    }),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const project = detectProject(dir);
  const read = (file: string) => {
    try {
      return readFileSync(path.join(dir, file), "utf8");
    } catch {
      return null;
    }
  };
  return findApp(project, read, "src/inngest");
}

const hono = { hono: "4.13.19" };
const express = { express: "5.3.0" };
/** Where the found app is: "file: name", or the kind of failure with the files. */
const where = (search: ReturnType<typeof findApp>) =>
  search.kind === "found"
    ? `${search.site.source.file}: ${search.site.app}`
    : search.kind === "several"
      ? `several: ${search.sites.map((site) => `${site.source.file}:${site.app}`).join(", ")}`
      : "none";

describe("findApp", () => {
  it("follows a factory one import away: createApp() in lib/ returning new OpenAPIHono() (hono-open-api-starter's shape)", () => {
    const search = app(
      { ...hono, "@hono/zod-openapi": "1.1.5", "@hono/node-server": "1.19.6" },
      {
        "src/lib/create-app.ts": [
          'import { OpenAPIHono } from "@hono/zod-openapi";',
          'import type { AppBindings } from "./types";',
          "",
          "export function createRouter() {",
          "  return new OpenAPIHono<AppBindings>({ strict: false });",
          "}",
          "",
          "export default function createApp() {",
          "  const app = createRouter();",
          '  app.notFound((c) => c.json({ message: "not found" }, 404));',
          "  return app;",
          "}",
          "",
          "export function createTestApp(router: OpenAPIHono<AppBindings>) {",
          '  return createApp().route("/", router);',
          "}",
          "",
        ].join("\n"),
        "src/lib/types.ts": "export interface AppBindings { Variables: { requestId: string } }\n",
        "src/routes/tasks.index.ts": [
          'import { createRouter } from "@/lib/create-app";',
          "",
          'const router = createRouter().get("/tasks", (c) => c.json([]));',
          "",
          "export default router;",
          "",
        ].join("\n"),
        "src/app.ts": [
          'import createApp from "@/lib/create-app";',
          'import tasks from "@/routes/tasks.index";',
          "",
          "const app = createApp();",
          "",
          'for (const route of [tasks]) app.route("/", route);',
          "",
          "export default app;",
          "",
        ].join("\n"),
        "src/index.ts": [
          'import { serve } from "@hono/node-server";',
          'import app from "./app";',
          "",
          "serve({ fetch: app.fetch, port: 9999 });",
          "",
        ].join("\n"),
        "src/routes/tasks.test.ts": [
          'import { createTestApp } from "../lib/create-app";',
          'import router from "./tasks.index";',
          "const client = createTestApp(router);",
          "",
        ].join("\n"),
      },
    );
    expect(where(search)).toBe("src/app.ts: app");
  });

  it.each([
    ["new Hono<Env>()", "type Env = { Variables: { user: string } };\nconst app = new Hono<Env>();"],
    ["new Hono<{ Bindings: ... }>()", "const app = new Hono<{ Bindings: { DB: string } }>();"],
    ["a chain", 'const app = new Hono().get("/", (c) => c.text("ok"));'],
    ["a subclass of its own", "class Api extends Hono {}\nconst app = new Api();"],
  ])("finds %s", (_name, creation) => {
    const search = app(hono, {
      "src/index.ts": `import { Hono } from "hono";\n\n${creation}\n\nexport default app;\n`,
    });
    expect(where(search)).toBe("src/index.ts: app");
  });

  it("resolves a Worker with a sub-router mounted by app.route to the app exported as default", () => {
    const search = app(
      { ...hono, wrangler: "4.164.0" },
      {
        "src/index.ts": [
          "import { Hono } from 'hono'",
          "",
          "const book = new Hono()",
          "book.get('/', (c) => c.text('List books'))",
          "",
          "const app = new Hono()",
          "app.route('/book', book)",
          "",
          "export default app",
          "",
        ].join("\n"),
      },
    );
    expect(where(search)).toBe("src/index.ts: app");
  });

  it("never counts a router imported from another file and mounted with app.route", () => {
    const search = app(hono, {
      "src/books.ts": "import { Hono } from 'hono'\n\nconst books = new Hono()\n\nexport default books\n",
      "src/index.ts":
        "import { Hono } from 'hono'\nimport books from './books'\n\nconst app = new Hono()\napp.route('/books', books)\n",
    });
    expect(where(search)).toBe("src/index.ts: app");
  });

  it("tells express() from express.Router() and Router()", () => {
    const search = app(express, {
      "src/index.ts": [
        'import express, { Router } from "express";',
        "",
        "const api = Router();",
        "const admin = express.Router();",
        "const app = express();",
        'app.use("/api", api);',
        'app.use("/admin", admin);',
        "app.listen(3000);",
        "",
      ].join("\n"),
    });
    expect(where(search)).toBe("src/index.ts: app");
  });

  it("resolves two Express apps to the one another file listens on", () => {
    const search = app(express, {
      "src/app.ts": 'import express from "express";\n\nexport const app = express();\n',
      "src/metrics.ts": 'import express from "express";\n\nexport const metrics = express();\n',
      "src/server.ts": 'import { app } from "./app.js";\n\napp.listen(Number(process.env.PORT ?? 3000));\n',
    });
    expect(where(search)).toBe("src/app.ts: app");
  });

  it("leaves two apps that are both, or neither, served to the user", () => {
    const search = app(express, {
      "src/a.ts": 'import express from "express";\n\nexport const a = express();\n',
      "src/b.ts": 'import express from "express";\n\nexport const b = express();\n',
    });
    expect(where(search)).toBe("several: src/a.ts:a, src/b.ts:b");
  });

  it("skips tests and the generated Inngest helpers", () => {
    const search = app(hono, {
      "src/index.ts": 'import { Hono } from "hono";\n\nconst app = new Hono();\n\nexport default app;\n',
      "src/index.test.ts": 'import { Hono } from "hono";\n\nconst app = new Hono();\napp.listen;\n',
      "test/helpers.ts": 'import { Hono } from "hono";\n\nexport const fake = new Hono();\n',
      "src/inngest/testing.ts": 'import { Hono } from "hono";\n\nexport const probe = new Hono();\n',
    });
    expect(where(search)).toBe("src/index.ts: app");
  });

  it("marks an app with a base path, where a mount at /api/inngest would answer elsewhere", () => {
    const search = app(hono, {
      "src/index.ts":
        'import { Hono } from "hono";\n\nconst app = new Hono().basePath("/v1");\n\nexport default app;\n',
    });
    expect(search.kind === "found" && search.site.basePath).toBe(true);
    const dir = path.join(temp, `app-${n - 1}`);
    const plan = planAdd(detectProject(dir), []);
    expect(plan.manual.map((step) => step.where)).toEqual([expect.stringContaining("the app has a base path")]);
    expect(plan.changes.map((change) => change.path)).not.toContain("src/index.ts");
  });

  it("finds no app in a file that mentions the framework without making one", () => {
    const search = app(express, {
      "src/types.ts": 'import type { Request } from "express";\n\nexport type Req = Request;\n',
    });
    expect(search).toEqual({ kind: "none", requiring: [] });
  });
});
