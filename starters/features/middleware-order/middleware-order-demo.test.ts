import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { inngest } from "../client";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { sendGreeting } from "./middleware-order-demo";
import { greetingRequested } from "../events";

const fnId = "send-greeting";
const event = greetingRequested.create({});

describe("send-greeting over HTTP", () => {
  const trace: string[] = [];
  let endpoint: TestEndpoint;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([sendGreeting]);
  });
  // The middleware and the handler trace to the client's logger at debug level: record it.
  beforeEach(() => {
    vi.spyOn(inngest.logger, "debug").mockImplementation((entry: unknown) => {
      if (typeof entry === "string") trace.push(entry);
    });
  });
  afterEach(() => {
    trace.length = 0;
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await endpoint.close();
  });

  it("runs the client's middleware, then the function's in array order, around a new step", async () => {
    const answer = await endpoint.execute(fnId, { events: [event] });
    expect(answer).toMatchObject({
      status: 206,
      body: [{ op: "StepRun", name: "middleware-order-greet", data: "hello" }],
    });
    // The handler stops at the new step: the wrapFunctionHandler "after" halves never run on this request.
    expect(trace).toEqual([
      "client: transformFunctionInput",
      "outer: transformFunctionInput",
      "inner: transformFunctionInput",
      "client: wrapFunctionHandler before",
      "outer: wrapFunctionHandler before",
      "inner: wrapFunctionHandler before",
      "handler",
      "client: wrapStep middleware-order-greet before",
      "outer: wrapStep middleware-order-greet before",
      "inner: wrapStep middleware-order-greet before",
      "step body",
    ]);
  });

  it("unwinds the wrap hooks innermost first when the run returns", async () => {
    const answer = await endpoint.execute(fnId, { events: [event], steps: { "middleware-order-greet": "hello" } });
    expect(answer).toEqual({ status: 200, body: { greeting: "hello" } });
    expect(trace).toEqual([
      "client: transformFunctionInput",
      "outer: transformFunctionInput",
      "inner: transformFunctionInput",
      "client: wrapFunctionHandler before",
      "outer: wrapFunctionHandler before",
      "inner: wrapFunctionHandler before",
      // The handler's logger stays silent while the run replays memoised steps: one line per run.
      "client: wrapStep middleware-order-greet before",
      "outer: wrapStep middleware-order-greet before",
      "inner: wrapStep middleware-order-greet before",
      "inner: wrapStep middleware-order-greet after",
      "outer: wrapStep middleware-order-greet after",
      "client: wrapStep middleware-order-greet after",
      "inner: wrapFunctionHandler after",
      "outer: wrapFunctionHandler after",
      "client: wrapFunctionHandler after",
    ]);
  });
});
