import type { Feature } from "./feature.js";

export const typedEvents: Feature = {
  id: "typed-events",
  label: "Typed events",
  group: "Triggers",
  description: "Events declared with eventType() and a zod schema, sent with .create(), validated at run time",
  files: ["typed-events-signup.ts", "typed-events-signup.test.ts", "typed-events-try-it.json"],
  functions: [{ exportName: "sendTypedWelcomeEmail", file: "typed-events-signup.ts" }],
  events: ["userSignedUp", "welcomeEmailSent"],
  dependencies: ["zod"],
};
