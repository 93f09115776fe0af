import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { escalateUrgentTicket } from "./conditional-trigger-escalate-ticket";
import { ticketCreated } from "../events";

describe("escalate-urgent-ticket", () => {
  it("pages on-call for the ticket it is started with", async () => {
    const engine = new InngestTestEngine({ function: escalateUrgentTicket });
    const { result, ctx } = await engine.execute({
      events: [ticketCreated.create({ ticketId: "T-7", priority: 5, body: "Checkout is down" })],
    });
    expect(ctx.step.run).toHaveBeenCalledWith("page-on-call", expect.any(Function));
    expect(result).toEqual({ ticketId: "T-7", paged: "on-call engineer for T-7" });
  });

  // The `if` is evaluated by Inngest, not by the SDK or @inngest/test: what matters here is that
  // it is registered with the trigger, so that low-priority tickets never start a run.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([escalateUrgentTicket]);
    });
    afterAll(() => endpoint.close());

    it("registers the priority condition as the trigger's expression", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.triggers).toEqual([{ event: "app/ticket.created", expression: "event.data.priority >= 4" }]);
    });
  });
});
