import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { sendPushNotification } from "./idempotency-push-notification";
import { notificationRequested } from "../events";

const event = notificationRequested.create({
  notificationId: "ntf_1",
  userId: "user_1",
  message: "Your order shipped",
});

describe("send-push-notification", () => {
  it("sends the push notification", async () => {
    const { result } = await new InngestTestEngine({ function: sendPushNotification }).execute({ events: [event] });
    expect(result).toEqual({ pushId: "push_user_1_18" });
  });

  // Inngest skips duplicate events before any run starts (@inngest/test ignores it): check what
  // the function registers.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([sendPushNotification]);
    });
    afterAll(() => endpoint.close());

    it("registers the notification id as the idempotency key", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.idempotency).toBe("event.data.notificationId");
    });
  });
});
