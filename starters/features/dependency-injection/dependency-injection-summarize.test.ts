import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { inngest } from "../client";
import {
  DependencyInjectionMiddleware,
  type DependencyInjectionOpenAI,
  sharedOpenAI,
} from "../middleware/dependency-injection-middleware";
import { defaultModels } from "../ai-models";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { summarizeTicket } from "./dependency-injection-summarize";
import { ticketCreated } from "../events";

const fnId = "summarize-ticket";
const event = ticketCreated.create({ ticketId: "t1", priority: 2, body: "The export button does nothing" });

// @inngest/test does not run function-level middleware, so these tests go over HTTP.
describe("summarize-ticket over HTTP", () => {
  let endpoint: TestEndpoint;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([summarizeTicket]);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => endpoint.close());

  it("calls the injected client inside the step", async () => {
    const create = vi.spyOn(sharedOpenAI.responses, "create");
    const answer = await endpoint.execute(fnId, { events: [event] });
    expect(create).toHaveBeenCalledWith({ model: defaultModels.openai, input: "The export button does nothing" });
    expect(answer).toMatchObject({
      status: 206,
      body: [
        {
          op: "StepRun",
          name: "dependency-injection-summarize-ticket",
          data: "Summary: The export button does nothing",
        },
      ],
    });
  });

  it("returns the summary without calling the client again once the step is memoised", async () => {
    const create = vi.spyOn(sharedOpenAI.responses, "create");
    const answer = await endpoint.execute(fnId, {
      events: [event],
      steps: { "dependency-injection-summarize-ticket": "Summary: export is broken" },
    });
    expect(answer).toEqual({ status: 200, body: { ticketId: "t1", summary: "Summary: export is broken" } });
    expect(create).not.toHaveBeenCalled();
  });
});

describe("the injected context's types", () => {
  it("types `openai` in every function that lists the middleware", () => {
    // Never called: the functions below exist for `npm run typecheck` only.
    const typeOnly = () => [
      inngest.createFunction(
        {
          id: "dependency-injection-types",
          triggers: [{ event: "app/dependency-injection.types" }],
          middleware: [DependencyInjectionMiddleware],
        },
        async ({ openai }) => {
          expectTypeOf(openai).toEqualTypeOf<DependencyInjectionOpenAI>();
          expectTypeOf(openai.responses.create).returns.resolves.toEqualTypeOf<{
            model: string;
            output_text: string;
          }>();
          // @ts-expect-error `model` is a string
          await openai.responses.create({ model: 4, input: "x" });
        },
      ),
      inngest.createFunction(
        { id: "dependency-injection-none", triggers: [{ event: "app/dependency-injection.none" }] },
        // @ts-expect-error without the middleware, the context has no `openai`
        async ({ openai }) => openai,
      ),
    ];
    void typeOnly;
  });
});
