import { expected } from "./expected-sync/event-basic.js";
import { describeGeneratedApp } from "./generated-app.js";

describeGeneratedApp({ framework: "next", features: ["event-basic"], expectedSync: expected });
