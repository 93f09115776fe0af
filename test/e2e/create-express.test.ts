import { expected } from "./expected-sync/event-basic.js";
import { describeGeneratedApp } from "./generated-app.js";

describeGeneratedApp({ framework: "express", features: ["event-basic"], expectedSync: expected });
