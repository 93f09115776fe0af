import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { runToCompletion, startFakeModels, type FakeModels } from "../testing-fake-models";
import { lookUpOrder, answerSupportQuestion } from "./agent-tools-support";
import { supportQuestionAsked } from "../events";

const event = supportQuestionAsked.create({ question: "Where is my order ord_123? I am ada@example.com" });

describe("look-up-order", () => {
  it("loads the order, then its shipment", async () => {
    const engine = new InngestTestEngine({ function: lookUpOrder });
    const { result } = await engine.execute({
      events: [{ name: "inngest/function.invoked", data: { orderId: "ord_9" } }],
    });
    expect(result).toEqual({ orderId: "ord_9", status: "in transit", eta: "2030-01-02" });
  });
});

describe("answer-support-question over HTTP, against a fake OpenAI server", () => {
  let endpoint: TestEndpoint;
  let models: FakeModels | undefined;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([answerSupportQuestion, lookUpOrder]);
  });
  afterAll(() => endpoint.close());
  afterEach(async () => {
    vi.unstubAllEnvs();
    await models?.close();
  });

  async function fakeModels(script: Parameters<typeof startFakeModels>[0]) {
    models = await startFakeModels(script);
    vi.stubEnv("OPENAI_BASE_URL", models.url);
    vi.stubEnv("OPENAI_API_KEY", "test-key");
    return models;
  }
  /** The tool results that the agent sent back to the model in its last call. */
  const toolResults = (m: FakeModels) =>
    (m.requests.at(-1)!.body.messages ?? [])
      .filter((message) => message.role === "tool")
      .map((message) => JSON.parse(String(message.content)));

  it("registers the agent's function with its event, and the tool function with no trigger (invoke only)", async () => {
    const synced = await endpoint.sync();
    expect(synced.map((fn) => [fn.name, fn.triggers])).toEqual([
      ["answer-support-question", [{ event: "app/support.question-asked" }]],
      ["look-up-order", []],
    ]);
  });

  it("runs each tool the model calls as steps, the order tool as an invoked function", async () => {
    const models = await fakeModels([
      { tool: "get_customer", input: { email: "ada@example.com" } },
      { tool: "look_up_order", input: { orderId: "ord_123" } },
      "Order ord_123 is in transit and arrives on 2 January.",
    ]);

    const run = await runToCompletion(endpoint.url, "answer-support-question", event);

    expect(run.status).toBe(200);
    expect(run.result).toEqual({ answer: "Order ord_123 is in transit and arrives on 2 January." });
    expect(run.ops.filter((op) => !op.name.startsWith("generate-")).map((op) => `${op.op} ${op.name}`)).toEqual([
      "AIGateway support",
      "StepRun get-customer",
      "AIGateway support",
      // The steps of the invoked function's own run, then its result in the caller's run.
      "StepRun load-order",
      "StepRun load-shipment",
      "InvokeFunction look-up-order",
      "AIGateway support",
    ]);
    expect(run.ops.find((op) => op.name === "look-up-order")?.data).toEqual({
      orderId: "ord_123",
      status: "in transit",
      eta: "2030-01-02",
    });
    // The model was offered both tools, with their zod schemas as JSON Schema.
    const offered = models.requests[0]!.body.tools?.map((t) => [t.function.name, t.function.parameters.required]);
    expect(offered).toEqual([
      ["get_customer", ["email"]],
      ["look_up_order", ["orderId"]],
    ]);
    expect(toolResults(models)).toEqual([
      { data: { id: "cus_1", email: "ada@example.com", name: "Ada Lovelace" } },
      { data: { orderId: "ord_123", status: "in transit", eta: "2030-01-02" } },
    ]);
  });

  it("rejects a bad argument before the tool runs, and tells the model why", async () => {
    const models = await fakeModels([
      { tool: "look_up_order", input: { orderId: "123" } },
      "Please give me an order id such as ord_123.",
    ]);

    const run = await runToCompletion(endpoint.url, "answer-support-question", event);

    expect(run.status).toBe(200);
    expect(run.result).toEqual({ answer: "Please give me an order id such as ord_123." });
    expect(
      run.ops
        .filter((op) => op.op !== "StepRun" || !op.name.startsWith("generate-"))
        .map((op) => `${op.op} ${op.name}`),
    ).toEqual(["AIGateway support", "AIGateway support"]);
    const [result] = toolResults(models);
    expect(result.error.name).toBe("ZodError");
    expect(result.error.message).toContain("order ids look like ord_123");
  });
});
