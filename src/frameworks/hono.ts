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
};
