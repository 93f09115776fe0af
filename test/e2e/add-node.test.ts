import { describeAdd, nodeCases } from "./add-apps.js";

// Hand-written Express and Hono apps (test/fixtures), and an app made by this scaffolder.
describeAdd(nodeCases);
