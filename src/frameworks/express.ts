import { yellow } from "kolorist";
import type { Framework } from "./framework.js";

export const express: Framework = {
  id: "express",
  label: "Express 5",
  starter: "express",
  serveHandlerPath: "src/index.ts",
  relativeImportExtension: ".js",
  dependencies: ["inngest", "express"],
  devDependencies: ["@inngest/test", "typescript", "tsx", "vitest", "@types/node", "@types/express"],
  colour: yellow,
};
