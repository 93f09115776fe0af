import type { Feature } from "./feature.js";

export const actionsMiddleware: Feature = {
  id: "actions-middleware",
  label: "Actions middleware",
  group: "Middleware",
  description:
    "A factory turns plain functions into typed ctx.actions, each call a memoised step.run with the id given at the call site",
  files: ["actions-middleware-onboard.ts", "actions-middleware-onboard.test.ts", "actions-middleware-try-it.json"],
  middlewareFiles: ["actions-middleware.ts"],
  functions: [{ exportName: "onboardCustomer", file: "actions-middleware-onboard.ts" }],
  events: ["userSignedUp"],
};
