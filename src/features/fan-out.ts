import type { Feature } from "./feature.js";

export const fanOut: Feature = {
  id: "fan-out",
  label: "Fan-out",
  group: "Steps",
  description: "A cron scheduler sends one event per item with step.sendEvent; a worker handles each",
  files: ["fan-out-account-sync.ts", "fan-out-account-sync.test.ts", "fan-out-try-it.json"],
  functions: [
    { exportName: "scheduleAccountSyncs", file: "fan-out-account-sync.ts" },
    { exportName: "syncOneAccount", file: "fan-out-account-sync.ts" },
  ],
  events: ["accountSyncRequested"],
};
