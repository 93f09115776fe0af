import type { ExpectedRuns } from "./runs.js";

// What the in-band sync of a generated app reports for the functions of the Triggers and Steps
// patterns (cron, multiple-triggers, conditional-trigger, env-triggers, typed-events, step-run,
// sleep, wait-for-event, fan-out, invoke), keyed by function id without the `<appId>-` prefix.
// Compare with `toMatchObject`: only the fields each pattern is about are listed.
export const expected: Record<string, Record<string, unknown>> = {
  // cron
  "weekday-digest": { name: "weekday-digest", triggers: [{ cron: "TZ=America/New_York 0 9 * * 1-5" }] },
  // multiple-triggers
  "refresh-search-index": {
    name: "refresh-search-index",
    triggers: [{ event: "app/product.updated" }, { event: "app/catalog.imported" }, { cron: "0 2 * * *" }],
  },
  // conditional-trigger: the `if` is registered as the trigger's `expression`.
  "escalate-urgent-ticket": {
    name: "escalate-urgent-ticket",
    triggers: [{ event: "app/ticket.created", expression: "event.data.priority >= 4" }],
  },
  // env-triggers, in dev mode (INNGEST_DEV=1, as the dev script and the tests run it). In cloud
  // mode the trigger is [{ cron: "0 3 * * *" }] instead.
  "cleanup-expired-sessions": {
    name: "cleanup-expired-sessions",
    triggers: [{ event: "app/sessions.cleanup-requested" }],
  },
  // typed-events: an eventType() trigger registers as a plain event trigger.
  "send-welcome-email": { name: "send-welcome-email", triggers: [{ event: "app/user.signed-up" }] },
  // step-run
  "import-orders-csv": { name: "import-orders-csv", triggers: [{ event: "app/orders.csv-uploaded" }] },
  // sleep
  "trial-reminder-emails": { name: "trial-reminder-emails", triggers: [{ event: "app/trial.started" }] },
  // wait-for-event
  "onboarding-profile-follow-up": {
    name: "onboarding-profile-follow-up",
    triggers: [{ event: "app/user.signed-up" }],
  },
  // fan-out: the scheduler on a cron, the worker on the event the scheduler sends.
  "schedule-account-syncs": { name: "schedule-account-syncs", triggers: [{ cron: "0 * * * *" }] },
  "sync-account": {
    name: "sync-account",
    triggers: [{ event: "app/account.sync-requested" }],
  },
  // invoke: functions with only an invoke() trigger register with no triggers at all.
  "check-fraud": { name: "check-fraud", triggers: [] },
  "quote-shipping": { name: "quote-shipping", triggers: [] },
  "check-out-order": { name: "check-out-order", triggers: [{ event: "app/checkout.started" }] },
};

export const runs: ExpectedRuns = {
  "typed-events": [
    {
      title: "rejects a typed event with a bad payload with a validation error, and keeps serving",
      functionId: "send-welcome-email",
      event: { name: "app/user.signed-up", data: { userId: "u1", email: "not-an-email", plan: "gold" } },
      requests: [{ status: 400, bodyContains: "EventValidationError" }],
    },
  ],
};
