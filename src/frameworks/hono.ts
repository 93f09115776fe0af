import { lightRed } from "kolorist";
import type { Framework } from "./framework.js";

/** A Hono app, on Node.js or on Workers: the serve handler on `new Hono()` for GET, PUT and POST. */
export const honoMount: Framework["mount"] = {
  kind: "app-call",
  create: {
    source: "hono",
    imported: "Hono",
    isNew: true,
    example: "new Hono()",
    subclasses: [{ source: "@hono/zod-openapi", imported: "OpenAPIHono" }],
  },
  mountLine: (app, serve) =>
    `${app}.on(["GET", "PUT", "POST"], "/api/inngest", ${serve}({ client: inngest, functions }));`,
};

export const hono: Framework = {
  id: "hono",
  label: "Hono (Node.js)",
  starter: "hono",
  devPort: 3000,
  serveHandlerPath: "src/index.ts",
  relativeImportExtension: ".js",
  dependencies: ["hono", "@hono/node-server"],
  devDependencies: ["typescript", "tsx", "@types/node"],
  colour: lightRed,
  detectDependencies: ["hono"],
  connectWorker: true,
  serveModule: "inngest/hono",
  mount: honoMount,
};
