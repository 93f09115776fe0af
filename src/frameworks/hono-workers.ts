import { lightRed } from "kolorist";
import type { Framework } from "./framework.js";
import { honoMount } from "./hono.js";

export const honoWorkers: Framework = {
  id: "hono-workers",
  label: "Hono (Cloudflare Workers)",
  starter: "hono-workers",
  devPort: 8787,
  serveHandlerPath: "src/index.ts",
  // wrangler bundles the Worker with esbuild, which resolves relative imports without extensions.
  relativeImportExtension: "",
  dependencies: ["hono"],
  // @types/node: the functions' tests run under Node in vitest, and nodejs_compat gives Workers `process.env`.
  devDependencies: ["typescript", "wrangler", "@cloudflare/workers-types", "@types/node"],
  colour: lightRed,
  detectDependencies: ["hono", "wrangler"],
  serveModule: "inngest/hono",
  mount: honoMount,
  cloudflareWorker: true,
};
