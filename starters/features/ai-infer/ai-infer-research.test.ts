import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultModels } from "../ai-models";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { runToCompletion, startFakeModels } from "../testing-fake-models";
import { researchTopic } from "./ai-infer-research";
import { researchRequested } from "../events";

const event = researchRequested.create({ topic: "durable execution" });
const completion = (content: string) => ({ choices: [{ index: 0, message: { role: "assistant", content } }] });

describe("research-topic", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("crawls each query the model writes and returns the model's summary (step mocks)", async () => {
    const engine = new InngestTestEngine({ function: researchTopic });
    const { result, ctx } = await engine.execute({
      events: [event],
      steps: [
        {
          id: "generate-queries",
          handler: () => completion("1. what is durable execution\n2. durable execution vs queues"),
        },
        { id: "summarise-findings", handler: () => completion("Durable execution retries steps, not whole jobs.") },
      ],
    });
    expect(result).toEqual({
      topic: "durable execution",
      queries: ["what is durable execution", "durable execution vs queues"],
      summary: "Durable execution retries steps, not whole jobs.",
    });
    expect(ctx.step.run).toHaveBeenCalledTimes(2);
  });

  describe("over HTTP, against a fake OpenAI server", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([researchTopic]);
    });
    afterAll(() => endpoint.close());

    it("registers with its event trigger", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.triggers).toEqual([{ event: "app/research.requested" }]);
    });

    it("asks Inngest to make both model calls, crawls in parallel steps, returns the summary", async () => {
      const models = await startFakeModels(["durable execution\nworkflow engines\nretries", "A short summary."]);
      vi.stubEnv("OPENAI_BASE_URL", models.url);
      vi.stubEnv("OPENAI_API_KEY", "test-key");
      try {
        const run = await runToCompletion(endpoint.url, "research-topic", event);

        expect(run.status).toBe(200);
        expect(run.result).toEqual({
          topic: "durable execution",
          queries: ["durable execution", "workflow engines", "retries"],
          summary: "A short summary.",
        });
        expect(run.ops.map((op) => `${op.op} ${op.name}`)).toEqual([
          "AIGateway generate-queries",
          "StepRun crawl-1",
          "StepRun crawl-2",
          "StepRun crawl-3",
          "AIGateway summarise-findings",
        ]);
        expect(models.requests.map((r) => r.path)).toEqual(["/v1/chat/completions", "/v1/chat/completions"]);
        expect(models.requests[0]?.headers.authorization).toBe("Bearer test-key");
        expect(models.requests[0]?.body).toMatchObject({ model: defaultModels.openai, max_completion_tokens: 200 });
        // The crawled pages reach the second prompt.
        expect(models.requests[1]?.body.messages?.[1]?.content).toContain('Results for "workflow engines"');
      } finally {
        await models.close();
      }
    });

    it("fails without retries on an event without a topic, before any model call", async () => {
      const run = await runToCompletion(endpoint.url, "research-topic", { name: event.name, data: {} });
      // 400 tells Inngest that the error is not retriable.
      expect(run.status).toBe(400);
      expect(run.result).toMatchObject({ name: "EventValidationError", message: expect.stringContaining("topic") });
      expect(run.ops).toEqual([]);
    });
  });
});
