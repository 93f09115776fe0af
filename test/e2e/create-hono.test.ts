import { describeGeneratedApp } from "./generated-app.js";

describeGeneratedApp("hono");
