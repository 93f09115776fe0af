import { lightRed } from "kolorist";
import type { Framework } from "./framework.js";

export const hono: Framework = {
  id: "hono",
  label: "Hono (Node.js)",
  starter: "hono",
  serveHandlerPath: "src/index.ts",
  relativeImportExtension: ".js",
  dependencies: ["inngest", "hono", "@hono/node-server"],
  devDependencies: ["@inngest/test", "typescript", "tsx", "vitest", "@types/node"],
  colour: lightRed,
  add: {
    dependency: "hono",
    serveModule: "inngest/hono",
    mount: {
      kind: "app-call",
      create: { source: "hono", imported: "Hono", isNew: true },
      mountLine: (app, serve) =>
        `${app}.on(["GET", "PUT", "POST"], "/api/inngest", ${serve}({ client: inngest, functions }));`,
    },
    devModeNote:
      "@hono/node-server does not load .env files: start the dev server with INNGEST_DEV=1 (for example `tsx watch --env-file=.env.development src/index.ts`).",
  },
};
