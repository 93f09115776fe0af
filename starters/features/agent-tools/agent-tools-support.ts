import { createAgent, createNetwork, createTool, openai } from "@inngest/agent-kit";
import { invoke } from "inngest";
import { z } from "zod";
import { modelSettings } from "../ai-models";
import { inngest } from "../client";
import { supportQuestionAsked } from "../events";

/**
 * A multi-step tool that is itself an Inngest function: the agent calls it with `step.invoke`, so
 * its steps are retried and memoised on their own, and it shows up as its own run.
 */
export const lookUpOrder = inngest.createFunction(
  { id: "look-up-order", triggers: [invoke(z.object({ orderId: z.string() }))] },
  async ({ event, step }) => {
    const order = await step.run("load-order", () => loadOrder(event.data.orderId));
    const shipment = await step.run("load-shipment", () => loadShipment(order.shipmentId));
    return { orderId: order.id, status: shipment.status, eta: shipment.eta };
  },
);

// AgentKit 0.13.2 sends each tool's zod schema to the model as JSON Schema, but passes the
// arguments the model answers to the handler without checking them: parse them yourself. A thrown
// error goes back to the model as the tool's result, so it can correct itself.
const getCustomerParameters = z.object({ email: z.string().email() });
const lookUpOrderParameters = z.object({ orderId: z.string().regex(/^ord_\w+$/, "order ids look like ord_123") });

const getCustomer = createTool({
  name: "get_customer",
  description: "Find a customer by email address",
  parameters: getCustomerParameters,
  handler: async (input, { step }) => {
    const { email } = getCustomerParameters.parse(input);
    // Without `step.run` a tool runs again each time the function is re-entered.
    return step?.run("get-customer", () => findCustomer(email));
  },
});

const lookUpOrderTool = createTool({
  name: "look_up_order",
  description: "Get the shipping status of an order",
  parameters: lookUpOrderParameters,
  handler: async (input, { step }) => {
    const { orderId } = lookUpOrderParameters.parse(input);
    if (!step) throw new Error("look_up_order runs inside an Inngest function");
    return step.invoke("look-up-order", { function: lookUpOrder, data: { orderId } });
  },
});

export const answerSupportQuestion = inngest.createFunction(
  { id: "answer-support-question", triggers: [supportQuestionAsked] },
  async ({ event }) => {
    const support = createAgent({
      name: "support",
      description: "Answers questions about customers' orders",
      system: "You answer customers' questions about their orders. Use the tools, then answer in one sentence.",
      tools: [getCustomer, lookUpOrderTool],
    });
    // A network, even of one agent, keeps each tool result in its state for the next model call
    // (a lone `agent.run` with `maxIter` does not send tool results back in AgentKit 0.13.2).
    // The router runs the agent again for as long as it calls tools.
    const network = createNetwork({
      name: "answer-support-question",
      agents: [support],
      defaultModel: openai(modelSettings("openai")),
      maxIter: 5,
      router: ({ callCount, lastResult }) => (callCount === 0 || lastResult?.toolCalls.length ? support : undefined),
    });
    const { state } = await network.run(event.data.question);
    const answer = state.results.at(-1)?.output.findLast((message) => message.type === "text");
    return { answer: answer?.type === "text" && typeof answer.content === "string" ? answer.content : undefined };
  },
);

/** Local stubs standing in for your database and shipping provider. */
async function findCustomer(email: string) {
  return { id: "cus_1", email, name: "Ada Lovelace" };
}
async function loadOrder(orderId: string) {
  return { id: orderId, shipmentId: `shp_${orderId.slice(4)}` };
}
async function loadShipment(shipmentId: string) {
  return { id: shipmentId, status: "in transit", eta: "2030-01-02" };
}
