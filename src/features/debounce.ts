import type { Feature } from "./feature.js";

export const debounce: Feature = {
  id: "debounce",
  label: "Debounce",
  group: "Flow control",
  description: "Runs once a user's updates have paused for 5s, with the last event",
  files: ["debounce-reindex-profile.ts", "debounce-reindex-profile.test.ts", "debounce-try-it.json"],
  functions: [{ exportName: "reindexProfile", file: "debounce-reindex-profile.ts" }],
  events: ["profileUpdated"],
};
