import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestEndpoint, type TestEndpoint, readTryIt } from "../testing";
import { crm, syncCrmContact } from "./retries-sync-crm-contact";
import { contactUpdated } from "../events";

// The README's "Try it" events for this function, read from the same file the README is written from.
const { event: readmeEvent, failure: readmeFailure } = readTryIt(
  import.meta.url,
  "./retries-try-it.json",
  "sync-crm-contact",
);

const fnId = "sync-crm-contact";
const event = contactUpdated.create({ email: "ada@example.com", name: "Ada" });

describe("sync-crm-contact", () => {
  afterEach(() => vi.restoreAllMocks());

  it("returns the CRM contact id when the call succeeds", async () => {
    const engine = new InngestTestEngine({ function: syncCrmContact });
    const { result } = await engine.execute({ events: [event] });
    expect(result).toEqual({ contactId: "crm_ada@example.com" });
  });

  it("fails the attempt with the CRM's status when the call fails", async () => {
    vi.spyOn(crm, "upsertContact").mockResolvedValue({ status: 503 });
    const engine = new InngestTestEngine({ function: syncCrmContact });
    const { result, error } = await engine.execute({ events: [event] });
    expect(result).toBeUndefined();
    expect(error).toMatchObject({ message: "CRM answered 503" });
  });

  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([syncCrmContact]);
    });
    afterAll(() => endpoint.close());

    it("runs the README's Try-it event to completion", async () => {
      const first = await endpoint.execute(fnId, { events: [readmeEvent] });
      const contactId = `crm_${readmeEvent.data.email}`;
      expect(first.body).toEqual([
        expect.objectContaining({ op: "StepRun", name: "upsert-crm-contact", data: contactId }),
      ]);
      const done = await endpoint.execute(fnId, { events: [readmeEvent], steps: { "upsert-crm-contact": contactId } });
      expect(done).toEqual({ status: 200, body: { contactId } });
    });

    it("fails the README's failure event on its first failAttempts attempts, then succeeds", async () => {
      const failAttempts = readmeFailure.event.data.failAttempts as number;
      for (let attempt = 0; attempt < failAttempts; attempt++) {
        const answer = await endpoint.executeWithHeaders(fnId, {
          events: [readmeFailure.event],
          attempt,
          maxAttempts: 6,
        });
        expect(answer.headers.get("x-inngest-no-retry")).toBe("false");
        expect(answer.body).toEqual([
          expect.objectContaining({ op: "StepError", error: expect.objectContaining({ message: "CRM answered 503" }) }),
        ]);
      }
      const next = await endpoint.execute(fnId, {
        events: [readmeFailure.event],
        attempt: failAttempts,
        maxAttempts: 6,
      });
      expect(next.body).toEqual([expect.objectContaining({ op: "StepRun", name: "upsert-crm-contact" })]);
    });

    it("registers 5 retries", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.steps).toMatchObject({ step: { retries: { attempts: 5 } } });
    });

    // Inngest sends max_attempts = retries + 1 and counts attempts from 0.
    it("answers StepError, to be retried, while attempts remain", async () => {
      vi.spyOn(crm, "upsertContact").mockResolvedValue({ status: 503 });
      const answer = await endpoint.executeWithHeaders(fnId, { events: [event], attempt: 4, maxAttempts: 6 });
      expect(answer.status).toBe(206);
      expect(answer.headers.get("x-inngest-no-retry")).toBe("false");
      expect(answer.body).toEqual([
        expect.objectContaining({
          op: "StepError",
          name: "upsert-crm-contact",
          error: expect.objectContaining({ message: "CRM answered 503" }),
        }),
      ]);
    });

    it("answers StepFailed, not to be retried, on the last attempt", async () => {
      vi.spyOn(crm, "upsertContact").mockResolvedValue({ status: 503 });
      const answer = await endpoint.executeWithHeaders(fnId, { events: [event], attempt: 5, maxAttempts: 6 });
      expect(answer.status).toBe(206);
      expect(answer.headers.get("x-inngest-no-retry")).toBe("true");
      expect(answer.body).toEqual([expect.objectContaining({ op: "StepFailed", name: "upsert-crm-contact" })]);
    });

    it("does not call the CRM again once the step has succeeded", async () => {
      const upsert = vi.spyOn(crm, "upsertContact");
      const done = await endpoint.execute(fnId, {
        events: [event],
        steps: { "upsert-crm-contact": "crm_ada@example.com" },
      });
      expect(done).toEqual({ status: 200, body: { contactId: "crm_ada@example.com" } });
      expect(upsert).not.toHaveBeenCalled();
    });
  });
});
