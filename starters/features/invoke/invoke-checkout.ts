import { invoke } from "inngest";
import { z } from "zod";
import { inngest } from "../client";
import { checkoutStarted } from "../events";

// Functions made to be invoked: the `invoke()` trigger types and checks the data they take.
export const checkFraud = inngest.createFunction(
  { id: "check-fraud", triggers: [invoke(z.object({ orderId: z.string(), amount: z.number() }))] },
  async ({ event, step }) => {
    // A stub scoring rule: replace with your fraud provider.
    const score = await step.run("score-order", () => (event.data.amount > 5000 ? 0.9 : 0.1));
    return { approved: score < 0.5, score };
  },
);

export const quoteShipping = inngest.createFunction(
  {
    id: "quote-shipping",
    triggers: [invoke(z.object({ carrier: z.enum(["ups", "dhl"]), weightKg: z.number() }))],
  },
  async ({ event }) => {
    // A stub price list: replace with the carrier's API.
    const perKg = event.data.carrier === "ups" ? 4 : 3.5;
    return { carrier: event.data.carrier, priceCents: Math.round(event.data.weightKg * perKg * 100) };
  },
);

export const checkOutOrder = inngest.createFunction(
  { id: "check-out-order", triggers: [checkoutStarted] },
  async ({ event, step }) => {
    const { orderId, amount, weightKg } = event.data;

    // The result is typed from the invoked function's return value. If it has not finished
    // within the timeout, step.invoke throws (the invoked run keeps going).
    const fraud = await step.invoke("check-fraud", {
      function: checkFraud,
      data: { orderId, amount },
      timeout: "1m",
    });
    if (!fraud.approved) return { orderId, status: "rejected" as const };

    // Two invocations at once: both runs start together, and the step resumes when both are done.
    const [ups, dhl] = await Promise.all([
      step.invoke("quote-ups", { function: quoteShipping, data: { carrier: "ups", weightKg }, timeout: "30s" }),
      step.invoke("quote-dhl", { function: quoteShipping, data: { carrier: "dhl", weightKg }, timeout: "30s" }),
    ]);
    const cheapest = ups.priceCents <= dhl.priceCents ? ups : dhl;
    return { orderId, status: "approved" as const, shipping: cheapest };
  },
);
