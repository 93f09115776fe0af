import type { Feature } from "./feature.js";

export const throttle: Feature = {
  id: "throttle",
  label: "Throttle",
  group: "Flow control",
  description: "1 run start per user every 5s with a burst of 2; extra runs wait",
  files: ["throttle-import-contacts.ts", "throttle-import-contacts.test.ts", "throttle-try-it.json"],
  functions: [{ exportName: "importContacts", file: "throttle-import-contacts.ts" }],
  events: ["contactsImportRequested"],
};
