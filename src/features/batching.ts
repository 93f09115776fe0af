import type { Feature } from "./feature.js";

export const batching: Feature = {
  id: "batching",
  label: "Batching",
  group: "Flow control",
  description: "Batches of up to 100 events or 5s read from events, and a conditional batch with if",
  files: ["batching-page-views.ts", "batching-page-views.test.ts", "batching-try-it.json"],
  functions: [
    { exportName: "recordPageViews", file: "batching-page-views.ts" },
    { exportName: "reindexDocuments", file: "batching-page-views.ts" },
  ],
  events: ["documentChanged", "pageViewed"],
};
