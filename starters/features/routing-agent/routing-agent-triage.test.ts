import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { runToCompletion, startFakeModels, type FakeModels } from "../testing-fake-models";
import { triageTicket } from "./routing-agent-triage";
import { ticketCreated } from "../events";

const event = ticketCreated.create({ ticketId: "T-1", priority: 3, body: "I was charged twice and the app crashes." });
const select = (name: string) => ({ tool: "select_agent", input: { name } });

describe("triage-ticket", () => {
  let endpoint: TestEndpoint;
  let models: FakeModels | undefined;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([triageTicket]);
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

  it("registers with its event trigger", async () => {
    const [fn] = await endpoint.sync();
    expect(fn?.triggers).toEqual([{ event: "app/ticket.created" }]);
  });

  it("runs the agents the router selects and stops when it selects finished", async () => {
    const models = await fakeModels([
      select("billing"),
      "The duplicate charge is refunded.",
      select("technical"),
      "Update to version 2.1 to fix the crash.",
      select("finished"),
    ]);

    const run = await runToCompletion(endpoint.url, "triage-ticket", event);

    expect(run.status).toBe(200);
    expect(run.result).toEqual({
      agents: ["billing", "technical"],
      answers: ["The duplicate charge is refunded.", "Update to version 2.1 to fix the crash."],
    });
    expect(run.ops.filter((op) => op.op === "AIGateway").map((op) => op.name)).toEqual([
      "triage",
      "billing",
      "triage",
      "technical",
      "triage",
    ]);
    // Nothing was asked after "finished".
    expect(models.requests).toHaveLength(5);
    // The router is forced to call select_agent, and its prompt lists the agents.
    const routerCall = models.requests[0]!.body;
    expect(routerCall.tool_choice).toEqual({ type: "function", function: { name: "select_agent" } });
    expect(routerCall.messages?.[0]?.content).toContain("- technical: Answers questions about bugs");
    // The second agent sees the first agent's answer.
    expect(JSON.stringify(models.requests[3]!.body.messages)).toContain("The duplicate charge is refunded.");
  });

  it("fails the attempt, to be retried, when the router names an agent that does not exist", async () => {
    const models = await fakeModels([select("sales")]);

    const run = await runToCompletion(endpoint.url, "triage-ticket", event);

    // A routing agent's tool errors are not sent back to the model: they fail the attempt (500).
    expect(run.status).toBe(500);
    expect(run.result).toMatchObject({ message: 'There is no agent named "sales"' });
    expect(models.requests).toHaveLength(1);
  });
});
