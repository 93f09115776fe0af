import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { planFunction } from "../../src/commands/function/plan.js";
import { parseFunctionSpec } from "../../src/commands/function/spec.js";
import { makeTempDir } from "../helpers/cli.js";

beforeAll(loadParser);

let temp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
afterEach(async () => {
  await temp?.remove();
  temp = undefined;
});

/** An Express app that serves Inngest already, has no zod, and a dev script that sets no dev mode. */
async function expressAppWithInngest(): Promise<string> {
  temp = await makeTempDir("cia-function-plan-");
  const dir = temp.dir;
  mkdirSync(path.join(dir, "src/inngest"), { recursive: true });
  const manifest = {
    name: "orders",
    type: "module",
    scripts: { dev: "tsx watch src/index.ts" },
    dependencies: { express: "^5.1.0", inngest: "^4.24.0" },
    devDependencies: { typescript: "^5.9.3", tsx: "^4.20.0" },
  };
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(dir, "tsconfig.json"), '{ "compilerOptions": { "module": "NodeNext", "strict": true } }\n');
  writeFileSync(
    path.join(dir, "src/inngest/client.ts"),
    'import { Inngest } from "inngest";\n\nexport const inngest = new Inngest({ id: "orders" });\n',
  );
  writeFileSync(
    path.join(dir, "src/index.ts"),
    [
      'import express from "express";',
      'import { serve } from "inngest/express";',
      'import { inngest } from "./inngest/client.js";',
      "",
      "const app = express();",
      "app.use(express.json());",
      'app.use("/api/inngest", serve({ client: inngest, functions: [] }));',
      "app.listen(3000);",
      "",
    ].join("\n"),
  );
  return dir;
}

describe("--function's plan", () => {
  it("keeps what the base plans in package.json: the dev script's dev mode beside the new zod", async () => {
    const dir = await expressAppWithInngest();
    const spec = parseFunctionSpec("charge-card", { event: ["app/order.paid"], data: ["orderId:string"] });
    const plan = planFunction(detectProject(dir), spec);
    const manifest = JSON.parse(plan.changes.find((change) => change.path === "package.json")!.after);
    expect(manifest.scripts.dev).toBe("tsx watch --env-file=.env.development src/index.ts");
    expect(manifest.dependencies.zod).toBeDefined();
    expect(manifest.devDependencies["@inngest/test"]).toBeDefined();
    expect(plan.changes.map((change) => change.path)).toContain(".env.development");
  });
});
