import { inngest } from "../client";
import { orderPaid } from "../events";

// Stand-ins for your exchange-rate API and email providers: replace with the real calls. `outage`
// makes a call throw, so you can watch the step use its retries and the fallback step take over.
export const exchangeRates = {
  async live(currency: string, outage = false): Promise<number> {
    if (outage) throw new Error("Exchange-rate API unavailable");
    return currency === "EUR" ? 0.92 : 1;
  },
  async cached(currency: string): Promise<number> {
    return currency === "EUR" ? 0.9 : 1;
  },
};
export const mailers = {
  async primary(to: string, _body: string, outage = false): Promise<void> {
    if (outage) throw new Error(`Primary mailer refused ${to}`);
  },
  async backup(_to: string, _body: string): Promise<void> {},
};

export const sendReceipt = inngest.createFunction(
  { id: "send-receipt", retries: 2, triggers: [orderPaid] },
  async ({ event, step }) => {
    const { email, amountUsd, currency } = event.data;

    // A failed step rejects only once it has used all its retries; then the handler can recover
    // with another step. `.catch()` on the step's promise...
    const rate = await step
      .run("fetch-live-rate", () => exchangeRates.live(currency, event.data.failLiveRate))
      .catch(() => step.run("use-cached-rate", () => exchangeRates.cached(currency)));
    const total = Math.round(amountUsd * rate * 100) / 100;

    // ...or try/catch around it.
    let sentWith: "primary" | "backup";
    try {
      sentWith = await step.run("send-with-primary-mailer", async () => {
        await mailers.primary(email, `Your receipt: ${total} ${currency}`, event.data.failPrimaryMailer);
        return "primary" as const;
      });
    } catch {
      sentWith = await step.run("send-with-backup-mailer", async () => {
        await mailers.backup(email, `Your receipt: ${total} ${currency}`);
        return "backup" as const;
      });
    }
    return { total, currency, sentWith };
  },
);
