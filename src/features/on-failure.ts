import type { Feature } from "./feature.js";

export const onFailure: Feature = {
  id: "on-failure",
  label: "Failure handler",
  group: "Errors",
  description: "An onFailure handler whose steps alert and log, reading the original event",
  files: ["on-failure-import-orders.ts", "on-failure-import-orders.test.ts", "on-failure-try-it.json"],
  functions: [{ exportName: "importOrders", file: "on-failure-import-orders.ts" }],
  events: ["ordersImportRequested"],
};
