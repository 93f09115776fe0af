import { createHash } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { inngest } from "../client";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { exchangeRates, mailers, sendReceipt } from "./step-recovery-send-receipt";

const event = { name: "app/step-recovery.order-paid", data: { email: "ada@example.com", amountUsd: 50, currency: "EUR" } };
const failed = { error: { name: "Error", message: "503 Service Unavailable" } };

describe("send-receipt-with-fallback", () => {
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

    it("does not fall back while the failing step has retries left", async () => {
      vi.spyOn(exchangeRates, "live").mockRejectedValue(new Error("503 Service Unavailable"));
      const cached = vi.spyOn(exchangeRates, "cached");
      const answer = await run(endpoint.url, { attempt: 0, maxAttempts: 3 });
      expect(answer.body).toEqual([expect.objectContaining({ op: "StepError", name: "fetch-live-rate" })]);
      expect(cached).not.toHaveBeenCalled();
    });

    it("reports the step as failed on its last attempt", async () => {
      vi.spyOn(exchangeRates, "live").mockRejectedValue(new Error("503 Service Unavailable"));
      const answer = await run(endpoint.url, { attempt: 2, maxAttempts: 3 });
      expect(answer.headers.get("x-inngest-no-retry")).toBe("true");
      expect(answer.body).toEqual([expect.objectContaining({ op: "StepFailed", name: "fetch-live-rate" })]);
    });

    it(".catch(): runs the cached-rate step once the live-rate step has failed", async () => {
      const answer = await run(endpoint.url, { steps: { "fetch-live-rate": failed } });
      expect(answer.body).toEqual([expect.objectContaining({ op: "StepRun", name: "use-cached-rate", data: 0.9 })]);
    });

    it("try/catch: sends with the backup mailer once the primary mailer's step has failed", async () => {
      const backup = vi.spyOn(mailers, "backup");
      const answer = await run(endpoint.url, {
        steps: { "fetch-live-rate": failed, "use-cached-rate": { data: 0.9 }, "send-with-primary-mailer": failed },
      });
      expect(answer.body).toEqual([expect.objectContaining({ op: "StepRun", name: "send-with-backup-mailer", data: "backup" })]);
      expect(backup).toHaveBeenCalledWith("ada@example.com", "Your receipt: 45 EUR");
    });

    it("completes with the fallback results", async () => {
      const answer = await run(endpoint.url, {
        steps: {
          "fetch-live-rate": failed,
          "use-cached-rate": { data: 0.9 },
          "send-with-primary-mailer": failed,
          "send-with-backup-mailer": { data: "backup" },
        },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ total: 45, currency: "EUR", sentWith: "backup" });
    });
  });
});

/**
 * One execution request as Inngest sends it: `steps` holds each finished step's `{ data }` or, for
 * a step that used all its attempts, its `{ error }`.
 */
async function run(
  url: string,
  { steps = {}, attempt = 0, maxAttempts = 3 }: { steps?: Record<string, { data: unknown } | { error: unknown }>; attempt?: number; maxAttempts?: number },
) {
  const fnId = `${inngest.id}-send-receipt-with-fallback`;
  const memoised = Object.fromEntries(
    Object.entries(steps).map(([id, result]) => [createHash("sha1").update(id).digest("hex"), result]),
  );
  const response = await fetch(`${url}?${new URLSearchParams({ fnId, stepId: "step" })}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      event,
      events: [event],
      steps: memoised,
      ctx: { run_id: "test-run", attempt, max_attempts: maxAttempts },
    }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
