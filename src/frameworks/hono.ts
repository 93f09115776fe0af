import { lightRed } from "kolorist";
import type { Framework } from "./framework.js";

export const hono: Framework = {
  id: "hono",
  label: "Hono (Node.js)",
  starter: "hono",
  serveHandlerPath: "src/index.ts",
  relativeImportExtension: ".js",
  dependencies: ["hono", "@hono/node-server"],
  devDependencies: ["typescript", "tsx", "@types/node"],
  colour: lightRed,
  detectDependencies: ["hono"],
  connectWorker: true,
  serveModule: "inngest/hono",
  mount: {
    kind: "app-call",
    create: { source: "hono", imported: "Hono", isNew: true, example: "new Hono()" },
    mountLine: (app, serve) =>
      `${app}.on(["GET", "PUT", "POST"], "/api/inngest", ${serve}({ client: inngest, functions }));`,
  },
};
