import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inngest } from "../client";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { checkFraud, checkOutOrder, quoteShipping } from "./invoke-checkout";
import { checkoutStarted } from "../events";

const checkout = checkoutStarted.create({ orderId: "o1", amount: 120, weightKg: 2 });
const approved = { approved: true, score: 0.1 };

describe("check-out-order", () => {
  it("invokes the fraud check, then two shipping quotes, and keeps the cheapest", async () => {
    // Invocations must be mocked: the test engine does not run the invoked functions.
    const engine = new InngestTestEngine({
      function: checkOutOrder,
      steps: [
        { id: "check-fraud", handler: () => approved },
        { id: "quote-ups", handler: () => ({ carrier: "ups", priceCents: 800 }) },
        { id: "quote-dhl", handler: () => ({ carrier: "dhl", priceCents: 700 }) },
      ],
    });
    const { result, ctx } = await engine.execute({ events: [checkout] });
    expect(ctx.step.invoke).toHaveBeenCalledWith(
      "check-fraud",
      expect.objectContaining({ function: checkFraud, data: { orderId: "o1", amount: 120 }, timeout: "1m" }),
    );
    expect(ctx.step.invoke).toHaveBeenCalledWith(
      "quote-ups",
      expect.objectContaining({ function: quoteShipping, data: { carrier: "ups", weightKg: 2 } }),
    );
    expect(result).toEqual({ orderId: "o1", status: "approved", shipping: { carrier: "dhl", priceCents: 700 } });
  });

  it("stops before quoting when the fraud check rejects the order", async () => {
    const engine = new InngestTestEngine({
      function: checkOutOrder,
      steps: [{ id: "check-fraud", handler: () => ({ approved: false, score: 0.9 }) }],
    });
    const { result, ctx } = await engine.execute({ events: [checkout] });
    expect(ctx.step.invoke).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ orderId: "o1", status: "rejected" });
  });
});

describe("the invoked functions", () => {
  it("check-fraud flags large orders", async () => {
    const engine = new InngestTestEngine({ function: checkFraud });
    const { result } = await engine.execute({
      events: [{ name: "inngest/function.invoked", data: { orderId: "o2", amount: 9000 } }],
    });
    expect(result).toEqual({ approved: false, score: 0.9 });
  });

  it("quote-shipping prices by carrier and weight", async () => {
    const engine = new InngestTestEngine({ function: quoteShipping });
    const { result } = await engine.execute({
      events: [{ name: "inngest/function.invoked", data: { carrier: "ups", weightKg: 2 } }],
    });
    expect(result).toEqual({ carrier: "ups", priceCents: 800 });
  });
});

describe("invoke over HTTP", () => {
  let endpoint: TestEndpoint;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([checkFraud, quoteShipping, checkOutOrder]);
  });
  afterAll(() => endpoint.close());

  it("registers the invoked functions without triggers: they only run when invoked", async () => {
    const synced = await endpoint.sync();
    expect(synced.map((fn) => [fn.name, fn.triggers])).toEqual([
      ["check-fraud", []],
      ["quote-shipping", []],
      ["check-out-order", [{ event: "app/checkout.started" }]],
    ]);
  });

  it("asks Inngest to invoke the fraud check with its data and a one-minute timeout", async () => {
    const first = await endpoint.execute("check-out-order", { events: [checkout] });
    expect(first.status).toBe(206);
    expect(first.body).toEqual([
      expect.objectContaining({
        op: "InvokeFunction",
        displayName: "check-fraud",
        opts: {
          function_id: `${inngest.id}-check-fraud`,
          payload: { data: { orderId: "o1", amount: 120 } },
          timeout: "1m",
        },
      }),
    ]);
  });

  it("asks for both shipping quotes in the same request, then returns the cheapest", async () => {
    const next = await endpoint.execute("check-out-order", {
      events: [checkout],
      steps: { "check-fraud": approved },
    });
    expect(next.status).toBe(206);
    expect(next.body).toEqual([
      expect.objectContaining({
        op: "InvokeFunction",
        displayName: "quote-ups",
        opts: expect.objectContaining({ payload: { data: { carrier: "ups", weightKg: 2 } }, timeout: "30s" }),
      }),
      expect.objectContaining({
        op: "InvokeFunction",
        displayName: "quote-dhl",
        opts: expect.objectContaining({ payload: { data: { carrier: "dhl", weightKg: 2 } }, timeout: "30s" }),
      }),
    ]);

    const done = await endpoint.execute("check-out-order", {
      events: [checkout],
      steps: {
        "check-fraud": approved,
        "quote-ups": { carrier: "ups", priceCents: 800 },
        "quote-dhl": { carrier: "dhl", priceCents: 700 },
      },
    });
    expect(done).toEqual({
      status: 200,
      body: { orderId: "o1", status: "approved", shipping: { carrier: "dhl", priceCents: 700 } },
    });
  });

  it("rejects invocation data that does not match the invoke() schema", async () => {
    const response = await endpoint.execute("check-fraud", {
      events: [{ name: "inngest/function.invoked", data: { orderId: "o3", amount: "lots" } }],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ name: "EventValidationError", message: expect.stringContaining("amount") });
  });
});
