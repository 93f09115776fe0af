import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultModels } from "../ai-models";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { runToCompletion, startFakeModels, type FakeModels } from "../testing-fake-models";
import { researchSite } from "./agent-network-research";
import { pageSummaryRequested } from "../events";

const event = pageSummaryRequested.create({ url: "https://example.com/docs" });

describe("research-site", () => {
  let endpoint: TestEndpoint;
  let models: FakeModels | undefined;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([researchSite]);
  });
  afterAll(() => endpoint.close());
  afterEach(async () => {
    vi.unstubAllEnvs();
    await models?.close();
  });

  /** Starts a fake OpenAI + Anthropic server answering `script`, and points both models at it. */
  async function fakeModels(script: Parameters<typeof startFakeModels>[0]) {
    models = await startFakeModels(script);
    vi.stubEnv("OPENAI_BASE_URL", models.url);
    vi.stubEnv("OPENAI_API_KEY", "openai-test-key");
    vi.stubEnv("ANTHROPIC_BASE_URL", models.url);
    vi.stubEnv("ANTHROPIC_API_KEY", "anthropic-test-key");
    return models;
  }

  it("registers with its event trigger", async () => {
    const [fn] = await endpoint.sync();
    expect(fn?.triggers).toEqual([{ event: "app/page.summary-requested" }]);
  });

  it("runs the agents the router picks, in order, until the router is done", async () => {
    const models = await fakeModels([
      { tool: "select_agent", input: { name: "navigator" } },
      { tool: "visit_page", input: { url: "https://example.com/docs" } },
      { tool: "select_agent", input: { name: "classifier" } },
      "docs",
      { tool: "select_agent", input: { name: "summariser" } },
      "The page is about retries.",
      { tool: "done", input: {} },
    ]);

    const run = await runToCompletion(endpoint.url, "research-site", event);

    expect(run.status).toBe(200);
    expect(run.result).toEqual({
      agents: ["navigator", "classifier", "summariser"],
      page: { url: "https://example.com/docs", text: expect.stringContaining("https://example.com/docs") },
      category: "docs",
      summary: "The page is about retries.",
    });
    // Each model call is a step.ai.infer step that Inngest makes (op AIGateway).
    expect(run.ops.filter((op) => op.op === "AIGateway").map((op) => op.name)).toEqual([
      "Default routing agent",
      "navigator",
      "Default routing agent",
      "classifier",
      "Default routing agent",
      "summariser",
      "Default routing agent",
    ]);
    // The summariser runs on Anthropic, the others on the network's default OpenAI model.
    expect(models.requests.map((r) => r.path)).toEqual([
      ...Array(5).fill("/v1/chat/completions"),
      "/v1/messages",
      "/v1/chat/completions",
    ]);
    const summariserCall = models.requests[5]!;
    expect(summariserCall.headers["x-api-key"]).toBe("anthropic-test-key");
    expect(summariserCall.body).toMatchObject({ model: defaultModels.anthropic, max_tokens: 1000 });
    // The classifier and the summariser see the page that the navigator's tool stored in state.
    expect(JSON.stringify(summariserCall.body)).toContain("durable functions retry each step");
    expect(models.requests[1]?.body.tools?.map((t) => t.function.name)).toEqual(["visit_page"]);
  });

  it("does not read a page when the navigator's tool gets a bad URL, and tells the router why", async () => {
    const models = await fakeModels([
      { tool: "select_agent", input: { name: "navigator" } },
      { tool: "visit_page", input: { url: "not a url" } },
      { tool: "done", input: {} },
    ]);

    const run = await runToCompletion(endpoint.url, "research-site", event);

    expect(run.status).toBe(200);
    expect(run.result).toEqual({ agents: ["navigator"], page: undefined, category: undefined, summary: undefined });
    // The router's next prompt holds the tool's validation error.
    expect(JSON.stringify(models.requests[2]?.body.messages)).toContain("ZodError");
  });

  it("stops after maxIter agent runs when the router never says done", async () => {
    // The router picks the classifier again and again: 7 router calls and 6 classifier calls.
    const script = Array.from({ length: 13 }, (_, i) =>
      i % 2 === 0 ? { tool: "select_agent", input: { name: "classifier" } } : "other",
    );
    const models = await fakeModels(script);

    const run = await runToCompletion(endpoint.url, "research-site", event);

    expect(run.status).toBe(200);
    expect(run.result).toMatchObject({ agents: Array(6).fill("classifier") });
    expect(models.requests).toHaveLength(13);
  });
});
