import type { Feature } from "./feature.js";

export const idempotency: Feature = {
  id: "idempotency",
  label: "Idempotency",
  group: "Flow control",
  description: "One run per notificationId, duplicates within 24 hours are ignored",
  files: ["idempotency-push-notification.ts", "idempotency-push-notification.test.ts", "idempotency-try-it.json"],
  functions: [{ exportName: "sendPushNotification", file: "idempotency-push-notification.ts" }],
  events: ["notificationRequested"],
};
