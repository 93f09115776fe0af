import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { devScriptName } from "../../src/app/detect/dev-script-name.js";
import { planAdd } from "../../src/commands/add/plan.js";
import { findFeature } from "../../src/features/index.js";

// How --add tells how the app runs in dev (which script, which port) and what its texts say, over
// small apps written as files in a temp dir.

const temp = mkdtempSync(path.join(os.tmpdir(), "cia-dev-run-"));
beforeAll(loadParser);
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const cron = findFeature("cron")!;

let n = 0;
function makeApp(manifest: Record<string, unknown>, files: Record<string, string>) {
  const dir = path.join(temp, `app-${n++}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "shop", ...manifest }, null, 2)}\n`);
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext" } }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return planAdd(detectProject(dir), [cron]);
}

const expressDeps = { dependencies: { express: "5.3.0" }, devDependencies: { typescript: "5.9.3", tsx: "4.23.15" } };
const expressApp = (listen: string) => `import express from "express";\n\nconst app = express();\n\n${listen}\n`;
const planned = (plan: ReturnType<typeof planAdd>, file: string) =>
  plan.changes.find((change) => change.path === file)?.after ?? "";

describe("devScriptName", () => {
  it.each([
    [{ dev: "tsx watch src/index.ts", "start:dev": "nodemon" }, "dev"],
    [{ start: "node dist/index.js", "start:dev": "tsx watch src/index.ts" }, "start:dev"],
    [{ "dev:server": "tsx watch src/server.ts", "dev:db": "docker compose up" }, "dev:server"],
    [{ "serve:dev": "tsx watch src/main.ts" }, "serve:dev"],
    [{ develop: "tsx watch src/main.ts" }, "develop"],
    [{ "api:dev": "tsx watch src/api.ts" }, "api:dev"],
    [{ "dev:db": "docker compose up", start: "node ." }, undefined],
    [{ start: "node dist/index.js", build: "tsc" }, undefined],
    // A Worker started by `start` (no dev script): that is its dev server.
    [{ start: "wrangler dev --env local src/server.ts", deploy: "wrangler deploy" }, "start"],
    [{ start: "vite", build: "vite build" }, "start"],
  ])("%j: %s", (scripts, name) => {
    expect(devScriptName(scripts)).toBe(name);
  });
});

describe("the dev script and port --add uses", () => {
  it("edits a start:dev script, names it in AGENTS.md and the plan, and reads PORT=8080 from .env", () => {
    const plan = makeApp(
      {
        ...expressDeps,
        dependencies: { ...expressDeps.dependencies, dotenv: "17.2.3" },
        scripts: { "start:dev": "tsx watch src/main.ts" },
      },
      {
        "src/main.ts": `import "dotenv/config";\n${expressApp("app.listen(Number(process.env.PORT) || 3000);")}`,
        ".env": "# local settings\nPORT=8080\n",
      },
    );
    expect(JSON.parse(planned(plan, "package.json")).scripts["start:dev"]).toBe(
      "tsx watch --env-file=.env.development src/main.ts",
    );
    expect(plan.dev).toEqual({
      command: "npm run start:dev",
      devServer: "npx inngest-cli@latest dev -u http://localhost:8080/api/inngest",
    });
    expect(planned(plan, "AGENTS.md")).toContain("npm run start:dev");
    expect(planned(plan, "AGENTS.md")).toContain("-u http://localhost:8080/api/inngest");
    expect(planned(plan, "AGENTS.md")).not.toContain("npm run dev");
    expect(plan.notes.join("\n")).toContain("The app serves on port 8080");
  });

  it.each([
    ["process.env.PORT ?? 9999", "const port = Number(process.env.PORT ?? 9999);\napp.listen(port);", 9999],
    ["Number(process.env.PORT) || 4000", "app.listen(Number(process.env.PORT) || 4000);", 4000],
    [
      "a zod default",
      'import { z } from "zod";\nconst env = z.object({ PORT: z.coerce.number().default(5050) }).parse(process.env);\napp.listen(env.PORT);',
      5050,
    ],
  ])("reads the port from the code's default: %s", (_name, listen, port) => {
    const plan = makeApp(
      { ...expressDeps, scripts: { dev: "tsx watch src/index.ts" } },
      { "src/index.ts": expressApp(listen) },
    );
    expect(plan.dev?.devServer).toBe(`npx inngest-cli@latest dev -u http://localhost:${port}/api/inngest`);
  });

  it("ignores PORT in .env when the app does not read .env, and a default of 3000 needs no -u", () => {
    const plan = makeApp(
      { ...expressDeps, scripts: { dev: "tsx watch src/index.ts" } },
      { "src/index.ts": expressApp("app.listen(Number(process.env.PORT ?? 3000));"), ".env": "PORT=8080\n" },
    );
    expect(plan.dev?.devServer).toBe("npx inngest-cli@latest dev");
  });

  const helper =
    'import { createServer } from "node:http";\nimport { Inngest } from "inngest";\ncreateServer().listen(0);\n';
  it.each([
    ["main, mapped from its build output to the source", { main: "dist/server.js" }, "export default app;"],
    ["the file that listens", {}, "app.listen(3000);"],
  ])("names the app's entry, never the Inngest test helper or a test: %s", (_name, manifest, listen) => {
    const plan = makeApp(
      { ...expressDeps, ...manifest, scripts: { dev: "tsc && node --watch ." } },
      {
        "src/server.ts": expressApp(listen),
        "src/inngest/testing.ts": helper,
        "src/a.test.ts": 'import { createServer } from "node:http";\ncreateServer().listen(0);\n',
      },
    );
    const note = plan.notes.find((line) => line.includes('"dev" script'))!;
    expect(note).toContain("tsx watch --env-file=.env.development src/server.ts");
  });
});

describe("starter texts in an app --add changes", () => {
  it("names the paths of a Next.js app without src/, and no start-up check it does not have", () => {
    const plan = makeApp(
      { dependencies: { next: "16.4.3", react: "19.2.1" }, devDependencies: { typescript: "5.9.3" } },
      { "app/page.tsx": "export default function Page() {\n  return null;\n}\n" },
    );
    expect(planned(plan, "inngest/client.ts")).toContain("app/api/inngest/route.ts");
    expect(planned(plan, "inngest/client.ts")).not.toContain("src/");
    expect(planned(plan, "app/api/inngest/route.ts")).toContain("maxRuntime in inngest/client.ts below it");
    expect(planned(plan, ".env.example")).not.toContain("refuses to start");
    expect(planned(plan, ".env.example")).toContain("Without it every request to /api/inngest answers 500");
  });

  it("says no route maxDuration in a Pages Router app", () => {
    const plan = makeApp(
      { dependencies: { next: "16.4.3", react: "19.2.1" }, devDependencies: { typescript: "5.9.3" } },
      { "pages/index.tsx": "export default function Home() {\n  return null;\n}\n" },
    );
    const client = planned(plan, "inngest/client.ts");
    expect(client).not.toMatch(/route's maxDuration|app\/api/);
    expect(client).toContain("the platform's limit (300 s is the most");
  });
});
