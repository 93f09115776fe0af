import type { Feature } from "./feature.js";

export const cancelOn: Feature = {
  id: "cancel-on",
  label: "Cancel on event",
  group: "Errors",
  description: "cancelOn with match and with if, cancelling a run during a long step.sleep",
  files: ["cancel-on-trial-reminder.ts", "cancel-on-trial-reminder.test.ts", "cancel-on-try-it.json"],
  functions: [{ exportName: "trialReminder", file: "cancel-on-trial-reminder.ts" }],
  events: ["planUpgraded", "trialStarted", "accountDeleted"],
};
