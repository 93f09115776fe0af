import { features } from "../../src/features/index.js";
import { expectedCatalogueSync } from "./expected-sync/index.js";
import { describeGeneratedApp } from "./generated-app.js";

// The whole catalogue on Cloudflare Workers, served by the app's own `wrangler dev` (workerd).
describeGeneratedApp({
  framework: "hono-workers",
  features: features.map((f) => f.id),
  expectedSync: expectedCatalogueSync,
});
