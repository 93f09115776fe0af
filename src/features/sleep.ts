import type { Feature } from "./feature.js";

export const sleep: Feature = {
  id: "sleep",
  label: "Sleep",
  group: "Steps",
  description: "step.sleep for durations and step.sleepUntil for a date, between emails",
  files: ["sleep-trial-reminders.ts", "sleep-trial-reminders.test.ts", "sleep-try-it.json"],
  functions: [{ exportName: "trialReminderEmails", file: "sleep-trial-reminders.ts" }],
  events: ["trialStarted"],
};
