import { features } from "../../src/features/index.js";
import { expectedAiAndMiddlewareSync } from "./expected-sync/index.js";
import { describeGeneratedApp } from "./generated-app.js";

describeGeneratedApp({
  framework: "next",
  features: features.filter((f) => f.group === "AI" || f.group === "Middleware").map((f) => f.id),
  expectedSync: expectedAiAndMiddlewareSync,
});
