import { describeProductionApp } from "./production-app.js";

describeProductionApp("hono");
