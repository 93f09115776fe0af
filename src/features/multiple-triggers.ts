import type { Feature } from "./feature.js";

export const multipleTriggers: Feature = {
  id: "multiple-triggers",
  label: "Multiple triggers",
  group: "Triggers",
  description: "Two events and a daily cron on one function, narrowing the event union",
  files: [
    "multiple-triggers-search-index.ts",
    "multiple-triggers-search-index.test.ts",
    "multiple-triggers-try-it.json",
  ],
  functions: [{ exportName: "refreshSearchIndex", file: "multiple-triggers-search-index.ts" }],
  events: ["productUpdated", "catalogImported"],
};
