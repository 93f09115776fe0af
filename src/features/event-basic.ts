import type { Feature } from "./feature.js";

export const eventBasic: Feature = {
  id: "event-basic",
  label: "Event trigger",
  group: "Triggers",
  description: "A function triggered by an event, with one step and a return value",
  files: ["event-basic-hello-world.ts", "event-basic-hello-world.test.ts", "event-basic-try-it.json"],
  functions: [{ exportName: "helloWorld", file: "event-basic-hello-world.ts" }],
  events: ["helloWorldRequested"],
};
