import type { Feature } from "./feature.js";

export const conditionalTrigger: Feature = {
  id: "conditional-trigger",
  label: "Conditional trigger",
  group: "Triggers",
  description: "An event trigger with an `if` expression: only urgent tickets start a run",
  files: [
    "conditional-trigger-escalate-ticket.ts",
    "conditional-trigger-escalate-ticket.test.ts",
    "conditional-trigger-try-it.json",
  ],
  functions: [{ exportName: "escalateUrgentTicket", file: "conditional-trigger-escalate-ticket.ts" }],
  events: ["ticketCreated"],
};
