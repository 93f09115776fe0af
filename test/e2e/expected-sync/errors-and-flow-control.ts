import { expect } from "vitest";
import type { ExpectedTryItFailures } from "./runs.js";

// What the in-band sync reports for the functions of the "Errors" and "Flow control" patterns,
// keyed by function id without the `<appId>-` prefix. Only the fields each pattern is about;
// compare with `toMatchObject`.
export const expected: Record<string, Record<string, unknown>> = {
  // retries
  "sync-crm-contact": {
    triggers: [{ event: "app/contact.updated" }],
    steps: { step: { retries: { attempts: 5 } } },
  },
  // retry-after
  "send-sms": {
    triggers: [{ event: "app/sms.requested" }],
  },
  // on-failure: the handler registers as a second function
  "import-store-orders": {
    triggers: [{ event: "app/orders.import-requested" }],
    steps: { step: { retries: { attempts: 3 } } },
  },
  "import-store-orders-failure": {
    name: "import-store-orders (failure)",
    triggers: [
      {
        event: "inngest/function.failed",
        expression: expect.stringMatching(/^event\.data\.function_id == '.+-import-store-orders'$/),
      },
    ],
  },
  // step-recovery
  "send-receipt": {
    triggers: [{ event: "app/order.paid" }],
    steps: { step: { retries: { attempts: 2 } } },
  },
  // cancel-on: `match` registers as an expression
  "send-trial-ending-reminder": {
    triggers: [{ event: "app/trial.started" }],
    cancel: [
      { event: "app/plan.upgraded", if: "event.data.userId == async.data.userId" },
      { event: "app/account.deleted", if: "async.data.accountId == event.data.accountId" },
    ],
  },
  // concurrency
  "transcode-video": {
    triggers: [{ event: "app/video.uploaded" }],
    concurrency: 5,
  },
  "sync-mailbox": {
    triggers: [{ event: "app/mailbox.sync-requested" }],
    concurrency: { limit: 1, key: "event.data.userId" },
  },
  "summarize-document": {
    triggers: [{ event: "app/document.uploaded" }],
    concurrency: [
      { scope: "account", key: '"ai-provider"', limit: 10 },
      { scope: "fn", key: "event.data.userId", limit: 2 },
    ],
  },
  // rate-limit
  "refresh-company-profile": {
    triggers: [{ event: "app/company.refresh-requested" }],
    rateLimit: { limit: 1, period: "4h", key: "event.data.companyId" },
  },
  // throttle
  "import-contacts": {
    triggers: [{ event: "app/contacts.import-requested" }],
    throttle: { limit: 1, period: "5s", burst: 2, key: "event.data.userId" },
  },
  // batching
  "record-page-views": {
    triggers: [{ event: "app/page.viewed" }],
    batchEvents: { maxSize: 100, timeout: "5s" },
  },
  "reindex-documents": {
    triggers: [{ event: "app/document.changed" }],
    batchEvents: { maxSize: 100, timeout: "5s", if: 'event.data.plan == "free"' },
  },
  // idempotency
  "send-push-notification": {
    triggers: [{ event: "app/notification.requested" }],
    idempotency: "event.data.notificationId",
  },
  // priority
  "generate-report": {
    triggers: [{ event: "app/report.requested" }],
    priority: { run: 'event.data.plan == "enterprise" ? 120 : 0' },
    concurrency: 10,
  },
  // debounce
  "reindex-profile": {
    triggers: [{ event: "app/profile.updated" }],
    debounce: { period: "5s", key: "event.data.userId" },
  },
};

// What each error sample's Try-it failure payload shows, as its README promises it.
export const tryItFailures: ExpectedTryItFailures = {
  // "the CRM step fails on attempts 1 and 2 (two retries...), then succeeds on the third"
  "sync-crm-contact": {
    status: "completed",
    failedAttempts: { "upsert-crm-contact": 2 },
    failedSteps: [],
    ranSteps: ["upsert-crm-contact"],
  },
  // "the first attempt is rate limited (a RetryAfterError, retry-after 30 seconds); the retry ... sends the SMS"
  "send-sms": {
    status: "completed",
    failedAttempts: { "send-sms": 1 },
    retryAfter: { "send-sms": "30" },
    ranSteps: ["send-sms"],
  },
  // "all 4 attempts fail (3 retries), the run fails, and a run of import-store-orders-failure alerts
  // on-call and logs the failure"
  "import-store-orders": {
    status: "failed",
    failedAttempts: { "import-orders": 4 },
    failedSteps: ["import-orders"],
    ranSteps: [],
    failureHandler: { status: "completed", ranSteps: ["alert-on-call", "log-failure"] },
  },
  // "fetch-live-rate and send-with-primary-mailer each fail 3 times (2 retries), then use-cached-rate
  // and send-with-backup-mailer run and the run completes with sentWith "backup""
  "send-receipt": {
    status: "completed",
    failedAttempts: { "fetch-live-rate": 3, "send-with-primary-mailer": 3 },
    failedSteps: ["fetch-live-rate", "send-with-primary-mailer"],
    ranSteps: ["use-cached-rate", "send-with-backup-mailer"],
    result: { sentWith: "backup" },
  },
};
