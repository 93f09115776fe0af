import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestEndpoint, type TestEndpoint, readTryIt } from "../testing";
import { exchangeRates, mailers, sendReceipt } from "./step-recovery-send-receipt";
import { orderPaid } from "../events";

// The README's "Try it" events for this function, read from the same file the README is written from.
const { event: readmeEvent, failure: readmeFailure } = readTryIt(
  import.meta.url,
  "./step-recovery-try-it.json",
  "send-receipt",
);

const event = orderPaid.create({ email: "ada@example.com", amountUsd: 50, currency: "EUR" });
const fnId = "send-receipt";
const unavailable = { message: "503 Service Unavailable" };

describe("send-receipt", () => {
  afterEach(() => vi.restoreAllMocks());

  it("uses the live rate and the primary mailer when both work", async () => {
    const engine = new InngestTestEngine({ function: sendReceipt });
    const { result } = await engine.execute({ events: [event] });
    expect(result).toEqual({ total: 46, currency: "EUR", sentWith: "primary" });
  });

  // @inngest/test does not hand a failed step's error back to the handler, so the fallbacks are
  // tested over HTTP, sending back step results the way Inngest does.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([sendReceipt]);
    });
    afterAll(() => endpoint.close());

    it("runs the README's failure event through both fallback steps once the primary steps have failed", async () => {
      const events = [readmeFailure.event];
      const lastAttempt = { attempt: 2, maxAttempts: 3 };
      const rateFailed = await endpoint.execute(fnId, { events, ...lastAttempt });
      expect(rateFailed.body).toEqual([expect.objectContaining({ op: "StepFailed", name: "fetch-live-rate" })]);

      const failedRate = { "fetch-live-rate": { name: "Error", message: "Exchange-rate API unavailable" } };
      const cached = await endpoint.execute(fnId, { events, failedSteps: failedRate });
      expect(cached.body).toEqual([expect.objectContaining({ op: "StepRun", name: "use-cached-rate", data: 0.9 })]);

      const steps = { "use-cached-rate": 0.9 };
      const mailerFailed = await endpoint.execute(fnId, { events, steps, failedSteps: failedRate, ...lastAttempt });
      expect(mailerFailed.body).toEqual([
        expect.objectContaining({ op: "StepFailed", name: "send-with-primary-mailer" }),
      ]);

      const failedSteps = { ...failedRate, "send-with-primary-mailer": { name: "Error", message: "refused" } };
      const backup = await endpoint.execute(fnId, { events, steps, failedSteps });
      expect(backup.body).toEqual([expect.objectContaining({ op: "StepRun", name: "send-with-backup-mailer" })]);

      const done = await endpoint.execute(fnId, {
        events,
        steps: { ...steps, "send-with-backup-mailer": "backup" },
        failedSteps,
      });
      expect(done).toEqual({ status: 200, body: { total: 45, currency: "EUR", sentWith: "backup" } });
    });

    it("runs the README's Try-it event to completion with the primary steps", async () => {
      const done = await endpoint.execute(fnId, {
        events: [readmeEvent],
        steps: { "fetch-live-rate": 0.92, "send-with-primary-mailer": "primary" },
      });
      expect(done).toEqual({ status: 200, body: { total: 46, currency: "EUR", sentWith: "primary" } });
    });

    it("does not fall back while the failing step has retries left", async () => {
      vi.spyOn(exchangeRates, "live").mockRejectedValue(new Error("503 Service Unavailable"));
      const cached = vi.spyOn(exchangeRates, "cached");
      const answer = await endpoint.executeWithHeaders(fnId, { events: [event], attempt: 0, maxAttempts: 3 });
      expect(answer.body).toEqual([expect.objectContaining({ op: "StepError", name: "fetch-live-rate" })]);
      expect(cached).not.toHaveBeenCalled();
    });

    it("reports the step as failed on its last attempt", async () => {
      vi.spyOn(exchangeRates, "live").mockRejectedValue(new Error("503 Service Unavailable"));
      const answer = await endpoint.executeWithHeaders(fnId, { events: [event], attempt: 2, maxAttempts: 3 });
      expect(answer.headers.get("x-inngest-no-retry")).toBe("true");
      expect(answer.body).toEqual([expect.objectContaining({ op: "StepFailed", name: "fetch-live-rate" })]);
    });

    it(".catch(): runs the cached-rate step once the live-rate step has failed", async () => {
      const answer = await endpoint.execute(fnId, { events: [event], failedSteps: { "fetch-live-rate": unavailable } });
      expect(answer.body).toEqual([expect.objectContaining({ op: "StepRun", name: "use-cached-rate", data: 0.9 })]);
    });

    it("try/catch: sends with the backup mailer once the primary mailer's step has failed", async () => {
      const backup = vi.spyOn(mailers, "backup");
      const answer = await endpoint.execute(fnId, {
        events: [event],
        steps: { "use-cached-rate": 0.9 },
        failedSteps: { "fetch-live-rate": unavailable, "send-with-primary-mailer": unavailable },
      });
      expect(answer.body).toEqual([
        expect.objectContaining({ op: "StepRun", name: "send-with-backup-mailer", data: "backup" }),
      ]);
      expect(backup).toHaveBeenCalledWith("ada@example.com", "Your receipt: 45 EUR");
    });

    it("completes with the fallback results", async () => {
      const answer = await endpoint.execute(fnId, {
        events: [event],
        steps: { "use-cached-rate": 0.9, "send-with-backup-mailer": "backup" },
        failedSteps: { "fetch-live-rate": unavailable, "send-with-primary-mailer": unavailable },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ total: 45, currency: "EUR", sentWith: "backup" });
    });
  });
});
