import type { Feature } from "./feature.js";

export const waitForEvent: Feature = {
  id: "wait-for-event",
  label: "Wait for an event",
  group: "Steps",
  description: "step.waitForEvent with match, with an if expression, and the timeout (null) branch",
  files: ["wait-for-event-onboarding.ts", "wait-for-event-onboarding.test.ts", "wait-for-event-try-it.json"],
  functions: [{ exportName: "onboardingProfileFollowUp", file: "wait-for-event-onboarding.ts" }],
  events: ["userSignedUp", "profileCompleted", "planUpgraded"],
};
