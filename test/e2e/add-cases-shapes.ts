import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { copyFixture } from "../helpers/fixtures.js";
import { type AddCase, cronFiles, nodePlanned } from "./add-apps.js";

// App shapes that --add once did not find, or named wrongly in its hints: an app made by a factory
// (hono-open-api-starter's layout), a Worker with a sub-router, a dev script named start:dev with its
// port in .env, and an app without src/.

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");
const tsc: [string, string[]] = ["npx", ["tsc", "--noEmit"]];

export const shapeCases: AddCase[] = [
  {
    name: "an OpenAPIHono app made by createApp() in lib/ (hono-open-api-starter's layout), its port a zod default",
    make: async (dir) => {
      copyFixture("hono-openapi-factory", dir);
    },
    add: ["cron"],
    before: [],
    after: ["weekday-digest"],
    // The mount goes after `const app = createApp()` in src/app.ts, the module that calls the factory.
    planned: [...nodePlanned("src/app.ts", "src/"), ...cronFiles("src/")],
    routes: [{ path: "/" }, { path: "/tasks" }, { path: "/nope" }],
    typecheck: tsc,
    check: (dir, output) => {
      expect(read(dir, "src/app.ts")).toMatch(
        /const app = createApp\(\);\n\n\/\/ Inngest: the serve endpoint\.\napp\.on\(/,
      );
      expect(read(dir, "src/lib/create-app.ts")).not.toContain("inngest");
      expect(output).toContain("npx inngest-cli@latest dev -u http://localhost:9999/api/inngest");
      expect(read(dir, "AGENTS.md")).toContain("-u http://localhost:9999/api/inngest");
    },
  },
  {
    name: "a Hono Worker with a sub-router mounted by app.route",
    make: async (dir) => {
      copyFixture("hono-workers", dir);
      writeFileSync(
        path.join(dir, "src/index.ts"),
        [
          "import { Hono } from 'hono'",
          "",
          "const book = new Hono()",
          "",
          "book.get('/', (c) => c.text('List books'))",
          "book.get('/:id', (c) => c.text(`Get book: ${c.req.param('id')}`))",
          "",
          "const app = new Hono()",
          "",
          "app.get('/', (c) => c.text('Hello Hono!'))",
          "app.route('/book', book)",
          "",
          "export default app",
          "",
        ].join("\n"),
      );
    },
    add: ["cron"],
    before: [],
    after: ["weekday-digest"],
    planned: [...nodePlanned("src/index.ts", "src/"), ...cronFiles("src/"), "wrangler.jsonc"],
    routes: [{ path: "/" }, { path: "/book" }, { path: "/book/7" }],
    typecheck: tsc,
    check: (dir) => {
      const index = read(dir, "src/index.ts");
      expect(index).toMatch(/const app = new Hono\(\)\n\n\/\/ Inngest: the serve endpoint\.\napp\.on\(/);
      expect(index).not.toContain("book.on(");
    },
  },
  {
    name: "an Express app whose dev script is start:dev, with PORT=8080 in .env (read by dotenv)",
    make: async (dir) => {
      copyFixture("express-start-dev", dir);
    },
    devScript: "start:dev",
    add: ["cron"],
    before: [],
    after: ["weekday-digest"],
    planned: [...nodePlanned("src/main.ts", "src/"), ...cronFiles("src/")],
    routes: [{ path: "/health" }, { path: "/orders" }],
    typecheck: tsc,
    check: (dir, output) => {
      const scripts = JSON.parse(read(dir, "package.json")).scripts;
      expect(scripts["start:dev"]).toBe("tsx watch --env-file=.env.development src/main.ts");
      expect(scripts.dev).toBeUndefined();
      const agents = read(dir, "AGENTS.md");
      expect(agents).toContain("`npm run start:dev`");
      expect(agents).not.toContain("npm run dev");
      expect(agents).toContain("npx inngest-cli@latest dev -u http://localhost:8080/api/inngest");
      expect(output).toContain("npx inngest-cli@latest dev -u http://localhost:8080/api/inngest");
    },
  },
  {
    name: "a Hono app without src/ (server.ts and routes/ at the root)",
    make: async (dir) => {
      copyFixture("hono-no-src", dir);
    },
    add: ["cron"],
    before: [],
    after: ["weekday-digest"],
    planned: [...nodePlanned("server.ts", ""), ...cronFiles("")],
    routes: [{ path: "/" }, { path: "/greet/Ada" }],
    typecheck: tsc,
    check: (dir) => {
      for (const file of ["inngest/client.ts", "inngest/testing.ts", ".env.example", "AGENTS.md"])
        expect(read(dir, file), file).not.toMatch(/\bsrc\//);
      expect(read(dir, ".env.example")).not.toContain("refuses to start");
    },
  },
];
