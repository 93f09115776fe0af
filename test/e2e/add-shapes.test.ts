import { describeAdd } from "./add-apps.js";
import { shapeCases } from "./add-cases-shapes.js";

// --add on the app shapes of issue 20: a factory-made OpenAPIHono app, a Worker with a sub-router,
// a start:dev script with its port in .env, and an app without src/ (test/e2e/add-cases-shapes.ts).
describeAdd(shapeCases);
