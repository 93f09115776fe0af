import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { userSignedUp, welcomeEmailSent } from "../events";
import { announceSignup, sendTypedWelcomeEmail } from "./typed-events-signup";

const signup = userSignedUp.create({ userId: "u1", email: "ada@example.com", plan: "pro" });

describe("send-welcome-email", () => {
  it("sends the template for the plan, then a typed welcome-email-sent event", async () => {
    const engine = new InngestTestEngine({
      function: sendTypedWelcomeEmail,
      steps: [{ id: "announce-email-sent", handler: () => ({ ids: ["evt-1"] }) }],
    });
    const { result, ctx } = await engine.execute({ events: [signup] });
    expect(result).toEqual({ messageId: "msg-welcome-pro-ada@example.com", template: "welcome-pro" });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "announce-email-sent",
      expect.objectContaining({ name: welcomeEmailSent.name, data: { userId: "u1", template: "welcome-pro" } }),
    );
  });

  it("rejects a malformed event before the handler runs", async () => {
    const engine = new InngestTestEngine({ function: sendTypedWelcomeEmail });
    const { result, error, ctx } = await engine.execute({
      events: [{ name: "app/user.signed-up", data: { userId: "u1", email: "not-an-email", plan: "gold" } }],
    });
    expect(result).toBeUndefined();
    expect(error).toMatchObject({ name: "EventValidationError", message: expect.stringContaining("email") });
    expect(ctx.step.run).not.toHaveBeenCalled();
  });

  it("refuses to send an event that does not match the schema", async () => {
    // Validation happens in inngest.send() before any request is made.
    await expect(announceSignup({ id: "u1", email: "not-an-email", plan: "free" })).rejects.toThrow(
      /email: Invalid email address/,
    );
  });

  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([sendTypedWelcomeEmail]);
    });
    afterAll(() => endpoint.close());

    it("registers the typed event as its trigger", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.triggers).toEqual([{ event: "app/user.signed-up" }]);
    });

    it("answers a malformed event with a 400 EventValidationError, running no step", async () => {
      const response = await endpoint.execute("send-welcome-email", {
        events: [{ name: "app/user.signed-up", data: { userId: "u1", email: "ada@example.com", plan: "gold" } }],
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ name: "EventValidationError", message: expect.stringContaining("plan") });
    });

    it("runs the send-email step for a valid event", async () => {
      const response = await endpoint.execute("send-welcome-email", { events: [signup] });
      expect(response.status).toBe(206);
      expect(response.body).toEqual([
        expect.objectContaining({
          op: "StepRun",
          name: "send-email",
          data: { messageId: "msg-welcome-pro-ada@example.com" },
        }),
      ]);
    });
  });
});
