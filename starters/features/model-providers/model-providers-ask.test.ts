import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultModels } from "../ai-models";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { runToCompletion, startFakeModels, type FakeModels } from "../testing-fake-models";
import { answerQuestion, questionAsked } from "./model-providers-ask";

const question = "What is durable execution?";

describe("answer-question", () => {
  let endpoint: TestEndpoint;
  let models: FakeModels;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([answerQuestion]);
  });
  afterAll(() => endpoint.close());
  afterEach(async () => {
    vi.unstubAllEnvs();
    await models?.close();
  });

  /** Points every provider at one fake server that answers `answer` once. */
  async function fakeModels(answer: string) {
    models = await startFakeModels([answer]);
    for (const prefix of ["OPENAI", "ANTHROPIC", "GEMINI", "XAI"]) {
      vi.stubEnv(`${prefix}_BASE_URL`, models.url);
      vi.stubEnv(`${prefix}_API_KEY`, `${prefix.toLowerCase()}-key`);
    }
    return models;
  }

  it("registers with its event trigger", async () => {
    const [fn] = await endpoint.sync();
    expect(fn?.triggers).toEqual([{ event: "app/question.asked" }]);
  });

  it.each([
    {
      provider: "openai" as const,
      path: "/v1/chat/completions",
      headers: { authorization: "Bearer openai-key" },
      body: { model: defaultModels.openai, max_completion_tokens: 1000 },
    },
    {
      provider: "anthropic" as const,
      path: "/v1/messages",
      headers: { "x-api-key": "anthropic-key", "anthropic-version": "2023-06-01" },
      body: { model: defaultModels.anthropic, max_tokens: 1000 },
    },
    {
      provider: "gemini" as const,
      path: `/v1/models/${defaultModels.gemini}:generateContent`,
      headers: {},
      body: { generationConfig: expect.objectContaining({ maxOutputTokens: 1000 }) },
    },
    {
      provider: "grok" as const,
      path: "/v1/chat/completions",
      headers: { authorization: "Bearer xai-key" },
      body: { model: defaultModels.grok, max_completion_tokens: 1000 },
    },
  ])("answers with $provider when the event asks for it", async ({ provider, path, headers, body }) => {
    const models = await fakeModels(`An answer from ${provider}.`);

    const run = await runToCompletion(endpoint.url, "answer-question", questionAsked.create({ question, provider }));

    expect(run.status).toBe(200);
    expect(run.result).toEqual({ provider, answer: `An answer from ${provider}.` });
    expect(run.ops).toEqual([expect.objectContaining({ op: "AIGateway", name: "assistant" })]);
    expect(models.requests).toHaveLength(1);
    const [request] = models.requests;
    expect(request?.path).toBe(path);
    expect(request?.headers).toMatchObject(headers);
    expect(request?.body).toMatchObject(body);
    expect(JSON.stringify(request?.body)).toContain(question);
  });

  it("passes Gemini's API key in the URL", async () => {
    await fakeModels("ok");
    const run = await runToCompletion(
      endpoint.url,
      "answer-question",
      questionAsked.create({ question, provider: "gemini" }),
    );
    expect(run.status).toBe(200);
    expect(models.requests[0]?.search).toBe("?key=gemini-key");
  });

  it("uses MODEL_PROVIDER when the event names no provider", async () => {
    const models = await fakeModels("Claude says hi.");
    vi.stubEnv("MODEL_PROVIDER", "anthropic");

    const run = await runToCompletion(endpoint.url, "answer-question", questionAsked.create({ question }));

    expect(run.result).toEqual({ provider: "anthropic", answer: "Claude says hi." });
    expect(models.requests[0]?.path).toBe("/v1/messages");
  });

  it("rejects an unknown provider", async () => {
    const run = await runToCompletion(endpoint.url, "answer-question", {
      name: "app/question.asked",
      data: { question, provider: "llama" },
    });
    expect(run.status).toBe(400);
    expect(run.result).toMatchObject({ name: "EventValidationError" });
  });
});
