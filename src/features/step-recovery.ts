import type { Feature } from "./feature.js";

export const stepRecovery: Feature = {
  id: "step-recovery",
  label: "Step recovery",
  group: "Errors",
  description: "A failing step falls back to a backup step, with try/catch and with .catch()",
  files: ["step-recovery-send-receipt.ts", "step-recovery-send-receipt.test.ts", "step-recovery-try-it.json"],
  functions: [{ exportName: "sendReceipt", file: "step-recovery-send-receipt.ts" }],
  events: ["orderPaid"],
};
