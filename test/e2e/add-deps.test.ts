import { describeAdd } from "./add-apps.js";
import { zodCases } from "./add-cases-deps.js";

// Apps on a zod 3 older than the SDK needs: raised in package.json, installed with npm (no
// --legacy-peer-deps), then the app's tsc, tests and dev server.
describeAdd(zodCases);
