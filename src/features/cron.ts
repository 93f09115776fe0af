import type { Feature } from "./feature.js";

export const cron: Feature = {
  id: "cron",
  label: "Cron schedule",
  group: "Triggers",
  description: "A weekday 09:00 New York cron (TZ=...) that runs a step",
  files: ["cron-weekday-digest.ts", "cron-weekday-digest.test.ts"],
  functions: [{ exportName: "weekdayDigest", file: "cron-weekday-digest.ts" }],
};
