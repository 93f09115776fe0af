import { inngest } from "../client";
import { notificationRequested } from "../events";

// Stand-in for your push provider: replace with the real call.
export const pushProvider = {
  async send(userId: string, message: string): Promise<{ pushId: string }> {
    return { pushId: `push_${userId}_${message.length}` };
  },
};

export const sendPushNotification = inngest.createFunction(
  {
    id: "send-push-notification",
    // A second event with the same notificationId within 24 hours starts no run.
    idempotency: "event.data.notificationId",
    triggers: [notificationRequested],
  },
  async ({ event, step }) => {
    return step.run("send-push", () => pushProvider.send(event.data.userId, event.data.message));
  },
);
