import { expect } from "vitest";

// What the in-band sync reports for the functions of the "Errors" and "Flow control" patterns,
// keyed by function id without the `<appId>-` prefix. Only the fields each pattern is about;
// compare with `toMatchObject`.
export const expected: Record<string, Record<string, unknown>> = {
  // retries
  "sync-crm-contact-with-retries": {
    triggers: [{ event: "app/retries.contact-updated" }],
    steps: { step: { retries: { attempts: 5 } } },
  },
  // retry-after
  "send-sms-with-retry-after": {
    triggers: [{ event: "app/retry-after.sms-requested" }],
  },
  // on-failure: the handler registers as a second function
  "import-orders-with-alert": {
    triggers: [{ event: "app/on-failure.import-requested" }],
    steps: { step: { retries: { attempts: 3 } } },
  },
  "import-orders-with-alert-failure": {
    name: "import-orders-with-alert (failure)",
    triggers: [
      {
        event: "inngest/function.failed",
        expression: expect.stringMatching(/^event\.data\.function_id == '.+-import-orders-with-alert'$/),
      },
    ],
  },
  // step-recovery
  "send-receipt-with-fallback": {
    triggers: [{ event: "app/step-recovery.order-paid" }],
    steps: { step: { retries: { attempts: 2 } } },
  },
  // cancel-on: `match` registers as an expression
  "trial-reminder-with-cancel": {
    triggers: [{ event: "app/cancel-on.trial-started" }],
    cancel: [
      { event: "app/cancel-on.trial-upgraded", if: "event.data.userId == async.data.userId" },
      { event: "app/cancel-on.account-deleted", if: "async.data.accountId == event.data.accountId" },
    ],
  },
  // concurrency
  "transcode-video-with-concurrency": {
    triggers: [{ event: "app/concurrency.video-uploaded" }],
    concurrency: 5,
  },
  "sync-mailbox-one-per-user": {
    triggers: [{ event: "app/concurrency.mailbox-sync-requested" }],
    concurrency: { limit: 1, key: "event.data.userId" },
  },
  "summarize-document-with-shared-limit": {
    triggers: [{ event: "app/concurrency.document-uploaded" }],
    concurrency: [
      { scope: "account", key: '"ai-provider"', limit: 10 },
      { scope: "fn", key: "event.data.userId", limit: 2 },
    ],
  },
  // rate-limit
  "refresh-company-profile-rate-limited": {
    triggers: [{ event: "app/rate-limit.company-refresh-requested" }],
    rateLimit: { limit: 1, period: "4h", key: "event.data.companyId" },
  },
  // throttle
  "import-contacts-throttled": {
    triggers: [{ event: "app/throttle.contacts-import-requested" }],
    throttle: { limit: 1, period: "5s", burst: 2, key: "event.data.userId" },
  },
  // batching
  "record-page-views-in-batches": {
    triggers: [{ event: "app/batching.page-viewed" }],
    batchEvents: { maxSize: 100, timeout: "5s" },
  },
  "reindex-documents-batched-for-free-plan": {
    triggers: [{ event: "app/batching.document-changed" }],
    batchEvents: { maxSize: 100, timeout: "5s", if: 'event.data.plan == "free"' },
  },
  // idempotency
  "send-push-notification-once": {
    triggers: [{ event: "app/idempotency.notification-requested" }],
    idempotency: "event.data.notificationId",
  },
  // priority
  "generate-report-with-priority": {
    triggers: [{ event: "app/priority.report-requested" }],
    priority: { run: 'event.data.plan == "enterprise" ? 120 : 0' },
    concurrency: 10,
  },
  // debounce
  "reindex-profile-debounced": {
    triggers: [{ event: "app/debounce.profile-updated" }],
    debounce: { period: "5s", key: "event.data.userId" },
  },
};
