import { eventType } from "inngest";
import { z } from "zod";

// The catalogue of typed events. A new app's src/inngest/events.ts holds the ones its functions use:
// each declaration below (comments above it included) is copied whole, once, whichever features
// need it. Each event is declared once: its name (`app/<subject>.<what-happened>`), and a zod schema
// that types `event.data` in the handlers and is checked at run time, so a malformed payload fails
// before the handler runs. Send them with `inngest.send(userSignedUp.create({ ... }))`.

// A greeting was asked for; `name` defaults to "world".
export const helloWorldRequested = eventType("app/hello.world", {
  schema: z.object({ name: z.string().optional() }),
});

// A user signed up.
export const userSignedUp = eventType("app/user.signed-up", {
  schema: z.object({
    userId: z.string(),
    email: z.email(),
    plan: z.enum(["free", "pro"]),
  }),
});

// The welcome email went out.
export const welcomeEmailSent = eventType("app/welcome-email.sent", {
  schema: z.object({ userId: z.string(), template: z.string() }),
});

// A user filled in their profile.
export const profileCompleted = eventType("app/profile.completed", {
  schema: z.object({ userId: z.string() }),
});

// A user changed plan.
export const planUpgraded = eventType("app/plan.upgraded", {
  schema: z.object({ userId: z.string(), plan: z.enum(["free", "pro"]) }),
});

// A user's profile changed.
export const profileUpdated = eventType("app/profile.updated", {
  schema: z.object({ userId: z.string() }),
});

// A trial began; it ends at `trialEndsAt` (an ISO 8601 date-time).
export const trialStarted = eventType("app/trial.started", {
  schema: z.object({ userId: z.string(), accountId: z.string(), trialEndsAt: z.iso.datetime() }),
});

// An account was closed.
export const accountDeleted = eventType("app/account.deleted", {
  schema: z.object({ accountId: z.string() }),
});

// An account's data should be synced with the external service.
export const accountSyncRequested = eventType("app/account.sync-requested", {
  schema: z.object({ accountId: z.string() }),
});

// A support ticket was opened; `priority` runs from 1 (low) to 5 (urgent).
export const ticketCreated = eventType("app/ticket.created", {
  schema: z.object({ ticketId: z.string(), priority: z.number().int().min(1).max(5), body: z.string() }),
});

// A CSV of orders was uploaded: one `sku,quantity` line per order.
export const ordersCsvUploaded = eventType("app/orders.csv-uploaded", {
  schema: z.object({ csv: z.string() }),
});

// A store's order file should be imported. `failAttempts` (optional) makes the import fail on that
// many attempts, to watch retries and the failure handler.
export const ordersImportRequested = eventType("app/orders.import-requested", {
  schema: z.object({ storeId: z.string(), fileUrl: z.url(), failAttempts: z.number().int().min(0).optional() }),
});

// A customer placed an order.
export const orderPlaced = eventType("app/order.placed", {
  schema: z.object({ orderId: z.string(), items: z.array(z.string()) }),
});

// Stock was reserved for an order.
export const orderConfirmed = eventType("app/order.confirmed", {
  schema: z.object({ orderId: z.string(), reservationId: z.string() }),
});

// An order was paid. `failLiveRate` and `failPrimaryMailer` (optional) make those calls fail, to
// watch the fallback steps.
export const orderPaid = eventType("app/order.paid", {
  schema: z.object({
    email: z.email(),
    amountUsd: z.number(),
    currency: z.string(),
    failLiveRate: z.boolean().optional(),
    failPrimaryMailer: z.boolean().optional(),
  }),
});

// A customer started checking out.
export const checkoutStarted = eventType("app/checkout.started", {
  schema: z.object({ orderId: z.string(), amount: z.number(), weightKg: z.number() }),
});

// A contact changed in your app. `failAttempts` (optional) makes the CRM call fail on that many
// attempts, to watch the retries.
export const contactUpdated = eventType("app/contact.updated", {
  schema: z.object({ email: z.email(), name: z.string(), failAttempts: z.number().int().min(0).optional() }),
});

// A text message should be sent. `rateLimitedAttempts` (optional) makes the provider answer 429 on
// that many attempts, to watch the RetryAfterError delay.
export const smsRequested = eventType("app/sms.requested", {
  schema: z.object({ phone: z.string(), text: z.string(), rateLimitedAttempts: z.number().int().min(0).optional() }),
});

// A video was uploaded.
export const videoUploaded = eventType("app/video.uploaded", {
  schema: z.object({ videoId: z.string() }),
});

// A user's mailbox should be synced.
export const mailboxSyncRequested = eventType("app/mailbox.sync-requested", {
  schema: z.object({ userId: z.string() }),
});

// A user uploaded a document.
export const documentUploaded = eventType("app/document.uploaded", {
  schema: z.object({ userId: z.string(), documentId: z.string() }),
});

// A document changed in a workspace on the given plan.
export const documentChanged = eventType("app/document.changed", {
  schema: z.object({ documentId: z.string(), plan: z.enum(["free", "pro"]) }),
});

// A page was viewed.
export const pageViewed = eventType("app/page.viewed", {
  schema: z.object({ userId: z.string(), path: z.string() }),
});

// A company's profile should be refreshed from the enrichment API.
export const companyRefreshRequested = eventType("app/company.refresh-requested", {
  schema: z.object({ companyId: z.string() }),
});

// A user asked to import their contacts.
export const contactsImportRequested = eventType("app/contacts.import-requested", {
  schema: z.object({ userId: z.string() }),
});

// A push notification should be sent; `notificationId` identifies it.
export const notificationRequested = eventType("app/notification.requested", {
  schema: z.object({ notificationId: z.string(), userId: z.string(), message: z.string() }),
});

// A report was asked for by an account on the given plan.
export const reportRequested = eventType("app/report.requested", {
  schema: z.object({ accountId: z.string(), plan: z.enum(["free", "pro", "enterprise"]) }),
});

// A product changed.
export const productUpdated = eventType("app/product.updated", {
  schema: z.object({ productId: z.string() }),
});

// A batch of products was imported.
export const catalogImported = eventType("app/catalog.imported", {
  schema: z.object({ productIds: z.array(z.string()) }),
});

// Expired sessions should be deleted now.
export const sessionsCleanupRequested = eventType("app/sessions.cleanup-requested", {
  schema: z.object({}),
});

// A file was uploaded.
export const fileUploaded = eventType("app/file.uploaded", {
  schema: z.object({ fileId: z.string() }),
});

// A greeting was asked for, to trace the order middleware runs in.
export const greetingRequested = eventType("app/greeting.requested", {
  schema: z.object({}),
});

// Research on a topic was asked for.
export const researchRequested = eventType("app/research.requested", {
  schema: z.object({ topic: z.string().min(1) }),
});

// A web page should be read, classified and summarised.
export const pageSummaryRequested = eventType("app/page.summary-requested", {
  schema: z.object({ url: z.url() }),
});

// A customer asked the support assistant a question.
export const supportQuestionAsked = eventType("app/support.question-asked", {
  schema: z.object({ question: z.string().min(1) }),
});
