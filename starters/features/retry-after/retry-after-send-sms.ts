import { RetryAfterError } from "inngest";
import { inngest } from "../client";
import { smsRequested } from "../events";

type SmsResponse = { status: 200; messageId: string } | { status: 429; retryAfterSeconds: number };

// Stand-in for your SMS provider's client: replace with the real call. `rateLimited` makes it answer
// 429 with a 30-second delay, so you can watch the retry wait for it in the Dev Server.
export const smsProvider = {
  async send(to: string, text: string, rateLimited = false): Promise<SmsResponse> {
    if (rateLimited) return { status: 429, retryAfterSeconds: 30 };
    return { status: 200, messageId: `sms_${to.length}_${text.length}` };
  },
};

export const sendSms = inngest.createFunction(
  { id: "send-sms", triggers: [smsRequested] },
  async ({ event, step, attempt }) => {
    const messageId = await step.run("send-sms", async () => {
      // With `rateLimitedAttempts: 1` the first attempt is refused and the second, 30 seconds later, succeeds.
      const rateLimited = attempt < (event.data.rateLimitedAttempts ?? 0);
      const response = await smsProvider.send(event.data.phone, event.data.text, rateLimited);
      if (response.status === 429) {
        // Retry when the provider allows it rather than on the default backoff schedule.
        // Takes milliseconds, a duration such as "30s", or a Date.
        throw new RetryAfterError("SMS provider rate limit reached", response.retryAfterSeconds * 1000);
      }
      return response.messageId;
    });
    return { messageId };
  },
);
