import { features } from "../../src/features/index.js";
import { expectedCatalogueSync } from "./expected-sync/index.js";
import { describeGeneratedApp } from "./generated-app.js";

describeGeneratedApp({
  framework: "express",
  features: features.map((f) => f.id),
  expectedSync: expectedCatalogueSync,
});
