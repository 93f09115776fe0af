import type { Feature } from "./feature.js";

export const concurrency: Feature = {
  id: "concurrency",
  label: "Concurrency",
  group: "Flow control",
  description: "Concurrency limits: plain, keyed per user, and account plus function scopes",
  files: ["concurrency-limits.ts", "concurrency-limits.test.ts", "concurrency-try-it.json"],
  functions: [
    { exportName: "transcodeVideo", file: "concurrency-limits.ts" },
    { exportName: "syncMailbox", file: "concurrency-limits.ts" },
    { exportName: "summarizeDocument", file: "concurrency-limits.ts" },
  ],
  events: ["videoUploaded", "mailboxSyncRequested", "documentUploaded"],
};
