import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestEndpoint, type TestEndpoint, readTryIt } from "../testing";
import { sendSms, smsProvider } from "./retry-after-send-sms";
import { smsRequested } from "../events";

// The README's "Try it" events for this function, read from the same file the README is written from.
const { event: readmeEvent, failure: readmeFailure } = readTryIt(
  import.meta.url,
  "./retry-after-try-it.json",
  "send-sms",
);

const event = smsRequested.create({ phone: "+15550100", text: "Your code is 1234" });

describe("send-sms", () => {
  afterEach(() => vi.restoreAllMocks());

  it("returns the message id when the provider accepts the SMS", async () => {
    vi.spyOn(smsProvider, "send").mockResolvedValue({ status: 200, messageId: "msg_1" });
    const engine = new InngestTestEngine({ function: sendSms });
    const { result } = await engine.execute({ events: [event] });
    expect(result).toEqual({ messageId: "msg_1" });
  });

  it("fails the attempt with a RetryAfterError when the provider answers 429", async () => {
    vi.spyOn(smsProvider, "send").mockResolvedValue({ status: 429, retryAfterSeconds: 90 });
    const engine = new InngestTestEngine({ function: sendSms });
    const { error } = await engine.execute({ events: [event] });
    expect(error).toMatchObject({ name: "RetryAfterError", message: "SMS provider rate limit reached" });
  });

  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([sendSms]);
    });
    afterAll(() => endpoint.close());

    it("runs the README's Try-it event to completion", async () => {
      const first = await endpoint.execute("send-sms", { events: [readmeEvent] });
      expect(first.body).toEqual([
        expect.objectContaining({ op: "StepRun", name: "send-sms", data: expect.any(String) }),
      ]);
      const done = await endpoint.execute("send-sms", { events: [readmeEvent], steps: { "send-sms": "sms_1" } });
      expect(done).toEqual({ status: 200, body: { messageId: "sms_1" } });
    });

    it("answers the README's failure event with a 30-second retry-after, then sends on the next attempt", async () => {
      const limited = await endpoint.executeWithHeaders("send-sms", {
        events: [readmeFailure.event],
        attempt: 0,
        maxAttempts: 4,
      });
      expect(limited.headers.get("retry-after")).toBe("30");
      expect(limited.body).toEqual([
        expect.objectContaining({ op: "StepError", error: expect.objectContaining({ name: "RetryAfterError" }) }),
      ]);
      const next = await endpoint.execute("send-sms", { events: [readmeFailure.event], attempt: 1, maxAttempts: 4 });
      expect(next.body).toEqual([expect.objectContaining({ op: "StepRun", name: "send-sms" })]);
    });

    it("tells Inngest to retry after the provider's delay, in a retry-after header", async () => {
      vi.spyOn(smsProvider, "send").mockResolvedValue({ status: 429, retryAfterSeconds: 90 });
      const answer = await endpoint.executeWithHeaders("send-sms", {
        events: [event],
        attempt: 0,
        maxAttempts: 4,
      });
      expect(answer.status).toBe(206);
      expect(answer.headers.get("retry-after")).toBe("90");
      expect(answer.headers.get("x-inngest-no-retry")).toBe("false");
      expect(answer.body).toEqual([
        expect.objectContaining({
          op: "StepError",
          name: "send-sms",
          error: expect.objectContaining({ name: "RetryAfterError" }),
        }),
      ]);
    });

    it("sends the SMS in a step and returns its id", async () => {
      vi.spyOn(smsProvider, "send").mockResolvedValue({ status: 200, messageId: "msg_1" });
      const first = await endpoint.execute("send-sms", { events: [event] });
      expect(first.body).toEqual([expect.objectContaining({ op: "StepRun", name: "send-sms", data: "msg_1" })]);
      const done = await endpoint.execute("send-sms", {
        events: [event],
        steps: { "send-sms": "msg_1" },
      });
      expect(done).toEqual({ status: 200, body: { messageId: "msg_1" } });
    });
  });
});
