import { features } from "../../src/features/index.js";
import { expectedCatalogueSync } from "./expected-sync/index.js";
import { describeGeneratedApp } from "./generated-app.js";

describeGeneratedApp({ framework: "hono", features: features.map((f) => f.id), expectedSync: expectedCatalogueSync });
