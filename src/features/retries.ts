import type { Feature } from "./feature.js";

export const retries: Feature = {
  id: "retries",
  label: "Retries",
  group: "Errors",
  description: "A step that throws when an API call fails, retried up to 5 times",
  files: ["retries-sync-crm-contact.ts", "retries-sync-crm-contact.test.ts", "retries-try-it.json"],
  functions: [{ exportName: "syncCrmContact", file: "retries-sync-crm-contact.ts" }],
  events: ["contactUpdated"],
};
