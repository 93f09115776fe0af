import { expect } from "vitest";
import { describeGeneratedFunctions } from "./generate-app.js";

describeGeneratedFunctions("express", [
  {
    // The acceptance example of issue #12.
    args: [
      "--function",
      "sync-contact",
      "--event",
      "crm/contact.updated",
      "--data",
      "contactId:string,email:string",
      "--steps",
      "load-contact,push-to-crm",
      "--retries",
      "5",
      "--throttle",
      "10/1m,key=event.data.contactId",
      "--on-failure",
    ],
    expectedSync: {
      "sync-contact": {
        triggers: [{ event: "crm/contact.updated" }],
        steps: expect.objectContaining({ step: expect.objectContaining({ retries: { attempts: 5 } }) }),
        throttle: { limit: 10, period: "1m", key: "event.data.contactId" },
      },
      "sync-contact-failure": {
        triggers: [
          { event: "inngest/function.failed", expression: "event.data.function_id == 'gen-app-sync-contact'" },
        ],
      },
    },
  },
]);
