import { RetryAfterError } from "inngest";
import { inngest } from "../client";
import { smsRequested } from "../events";

type SmsResponse = { status: 200; messageId: string } | { status: 429; retryAfterSeconds: number };

// Stand-in for your SMS provider's client: replace with the real call.
export const smsProvider = {
  async send(to: string, text: string): Promise<SmsResponse> {
    return { status: 200, messageId: `sms_${to.length}_${text.length}` };
  },
};

export const sendSms = inngest.createFunction({ id: "send-sms", triggers: [smsRequested] }, async ({ event, step }) => {
  const messageId = await step.run("send-sms", async () => {
    const response = await smsProvider.send(event.data.phone, event.data.text);
    if (response.status === 429) {
      // Retry when the provider allows it rather than on the default backoff schedule.
      // Takes milliseconds, a duration such as "30s", or a Date.
      throw new RetryAfterError("SMS provider rate limit reached", response.retryAfterSeconds * 1000);
    }
    return response.messageId;
  });
  return { messageId };
});
