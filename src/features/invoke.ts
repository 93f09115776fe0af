import type { Feature } from "./feature.js";

export const invokeFunctions: Feature = {
  id: "invoke",
  label: "Invoke functions",
  group: "Steps",
  description: "step.invoke of other functions: typed results, a timeout, two invocations in parallel",
  files: ["invoke-checkout.ts", "invoke-checkout.test.ts", "invoke-try-it.json"],
  functions: [
    { exportName: "checkFraud", file: "invoke-checkout.ts" },
    { exportName: "quoteShipping", file: "invoke-checkout.ts" },
    { exportName: "checkOutOrder", file: "invoke-checkout.ts" },
  ],
  events: ["checkoutStarted"],
  dependencies: ["zod"],
};
