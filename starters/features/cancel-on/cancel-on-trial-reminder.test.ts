import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { trialReminder } from "./cancel-on-trial-reminder";
import { trialStarted } from "../events";

const event = trialStarted.create({ userId: "user_1", accountId: "acct_1", trialEndsAt: "2030-01-15T00:00:00.000Z" });

describe("send-trial-ending-reminder", () => {
  it("sends the trial-ending email after the sleep", async () => {
    const engine = new InngestTestEngine({ function: trialReminder });
    const { result } = await engine.execute({
      events: [event],
      steps: [{ id: "wait-until-trial-almost-ends", handler() {} }],
    });
    expect(result).toEqual({ emailId: "email_user_1" });
  });

  // Cancelling is done by Inngest when a matching event arrives; what the app controls is what it
  // registers, and that the run waits in a sleep that can be cancelled.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([trialReminder]);
    });
    afterAll(() => endpoint.close());

    it("registers both cancellations; `match` becomes an expression comparing the two events", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.cancel).toEqual([
        { event: "app/plan.upgraded", if: "event.data.userId == async.data.userId" },
        { event: "app/account.deleted", if: "async.data.accountId == event.data.accountId" },
      ]);
    });

    it("sleeps 13 days before the email step", async () => {
      const slept = await endpoint.execute("send-trial-ending-reminder", { events: [event] });
      expect(slept.status).toBe(206);
      expect(slept.body).toEqual([
        // A Sleep op carries its duration in `name`; the step id is in `displayName`.
        expect.objectContaining({ op: "Sleep", displayName: "wait-until-trial-almost-ends", name: "1w6d" }),
      ]);

      const emailed = await endpoint.execute("send-trial-ending-reminder", {
        events: [event],
        steps: { "wait-until-trial-almost-ends": null },
      });
      expect(emailed.body).toEqual([
        expect.objectContaining({ op: "StepRun", name: "send-trial-ending-email", data: { emailId: "email_user_1" } }),
      ]);
    });
  });
});
