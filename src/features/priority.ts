import type { Feature } from "./feature.js";

export const priority: Feature = {
  id: "priority",
  label: "Priority",
  group: "Flow control",
  description: "Run priority from a CEL expression: enterprise runs jump the queue",
  files: ["priority-generate-report.ts", "priority-generate-report.test.ts", "priority-try-it.json"],
  functions: [{ exportName: "generateReport", file: "priority-generate-report.ts" }],
  events: ["reportRequested"],
};
