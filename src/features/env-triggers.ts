import type { Feature } from "./feature.js";

export const envTriggers: Feature = {
  id: "env-triggers",
  label: "Triggers per environment",
  group: "Triggers",
  description: "A cron in production, a manual event with the Dev Server, chosen from the client's mode",
  files: ["env-triggers-cleanup.ts", "env-triggers-cleanup.test.ts", "env-triggers-try-it.json"],
  functions: [{ exportName: "cleanupExpiredSessions", file: "env-triggers-cleanup.ts" }],
  events: ["sessionsCleanupRequested"],
};
