import type { Feature } from "./feature.js";

export const retryAfter: Feature = {
  id: "retry-after",
  label: "Retry after a delay",
  group: "Errors",
  description: "RetryAfterError with the delay from a rate-limit answer",
  files: ["retry-after-send-sms.ts", "retry-after-send-sms.test.ts", "retry-after-try-it.json"],
  functions: [{ exportName: "sendSms", file: "retry-after-send-sms.ts" }],
  events: ["smsRequested"],
};
