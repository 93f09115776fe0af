import type { Feature } from "./feature.js";

export const stepRun: Feature = {
  id: "step-run",
  label: "step.run",
  group: "Steps",
  description: "Sync and async steps, memoised results, and a step with no return value",
  files: ["step-run-order-import.ts", "step-run-order-import.test.ts", "step-run-try-it.json"],
  functions: [{ exportName: "importOrdersCsv", file: "step-run-order-import.ts" }],
  events: ["ordersCsvUploaded"],
};
