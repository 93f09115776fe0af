import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { inngest } from "../client";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { onboardCustomer, OnboardingActions, onboardingServices } from "./actions-middleware-onboard";
import { userSignedUp } from "../events";

const fnId = "onboard-customer";
const event = userSignedUp.create({ userId: "u1", email: "ada@example.com", plan: "free" });
const customer = { customerId: "cus_ada" };

// @inngest/test does not run function-level middleware, so these tests go over HTTP.
describe("onboard-customer over HTTP", () => {
  let endpoint: TestEndpoint;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([onboardCustomer]);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => endpoint.close());

  it("runs an action as a step named by the id given at the call site", async () => {
    const createCustomer = vi.spyOn(onboardingServices, "createCustomer");
    const answer = await endpoint.execute(fnId, { events: [event] });
    expect(answer).toMatchObject({
      status: 206,
      body: [{ op: "StepRun", name: "actions-middleware-create-customer", data: customer }],
    });
    expect(answer.body).toHaveLength(1);
    expect(createCustomer).toHaveBeenCalledExactlyOnceWith("ada@example.com");
  });

  it("skips a memoised action and runs the next one with its result", async () => {
    const createCustomer = vi.spyOn(onboardingServices, "createCustomer");
    const sendWelcomeEmail = vi.spyOn(onboardingServices, "sendWelcomeEmail");
    const answer = await endpoint.execute(fnId, {
      events: [event],
      steps: { "actions-middleware-create-customer": { customerId: "cus_from_memo" } },
    });
    expect(createCustomer).not.toHaveBeenCalled();
    expect(sendWelcomeEmail).toHaveBeenCalledExactlyOnceWith("ada@example.com", "cus_from_memo");
    expect(answer).toMatchObject({
      status: 206,
      body: [{ op: "StepRun", name: "actions-middleware-send-welcome", data: { messageId: "msg_cus_from_memo_15" } }],
    });
  });

  it("returns once every action is memoised, calling none of them", async () => {
    const createCustomer = vi.spyOn(onboardingServices, "createCustomer");
    const sendWelcomeEmail = vi.spyOn(onboardingServices, "sendWelcomeEmail");
    const answer = await endpoint.execute(fnId, {
      events: [event],
      steps: {
        "actions-middleware-create-customer": customer,
        "actions-middleware-send-welcome": { messageId: "msg-1" },
      },
    });
    expect(answer).toEqual({ status: 200, body: { customerId: "cus_ada", messageId: "msg-1" } });
    expect(createCustomer).not.toHaveBeenCalled();
    expect(sendWelcomeEmail).not.toHaveBeenCalled();
  });
});

describe("the actions' types", () => {
  it("take the step id first, then the plain function's arguments", () => {
    // Never called: the function below exists for `npm run typecheck` only.
    const typeOnly = () =>
      inngest.createFunction(
        {
          id: "actions-middleware-types",
          triggers: [{ event: "app/actions-middleware.types" }],
          middleware: [OnboardingActions],
        },
        async ({ actions }) => {
          expectTypeOf(actions.createCustomer).parameters.toEqualTypeOf<[stepId: string, email: string]>();
          expectTypeOf(actions.sendWelcomeEmail).returns.resolves.toEqualTypeOf<{ messageId: string }>();
          // @ts-expect-error the step id is required
          await actions.createCustomer("ada@example.com");
        },
      );
    void typeOnly;
  });
});
