import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { trialReminderEmails } from "./sleep-trial-reminders";
import { trialStarted } from "../events";

const trial = trialStarted.create({
  userId: "u1",
  accountId: "acct_1",
  trialEndsAt: "2030-01-15T00:00:00.000Z",
});
const emails = { "send-tips": "sent", "send-case-study": "sent" };

describe("trial-reminder-emails", () => {
  it("sleeps between the emails, then until the day before the trial ends", async () => {
    // Sleeps must be mocked, or the test engine waits for them.
    const engine = new InngestTestEngine({
      function: trialReminderEmails,
      steps: ["wait-a-day", "wait-three-days", "wait-until-day-before-end"].map((id) => ({ id, handler: () => null })),
    });
    const { result, ctx } = await engine.execute({ events: [trial] });
    expect(ctx.step.sleep.mock.calls).toEqual([
      ["wait-a-day", "1d"],
      ["wait-three-days", 3 * 24 * 60 * 60 * 1000],
    ]);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-until-day-before-end", new Date("2030-01-14T00:00:00.000Z"));
    expect(result).toEqual({ userId: "u1", emails: 3 });
  });

  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([trialReminderEmails]);
    });
    afterAll(() => endpoint.close());

    it("asks Inngest to sleep for one day before the first email", async () => {
      const first = await endpoint.execute("trial-reminder-emails", { events: [trial] });
      expect(first.status).toBe(206);
      // A Sleep op carries its duration in `name`.
      expect(first.body).toEqual([expect.objectContaining({ op: "Sleep", displayName: "wait-a-day", name: "1d" })]);
    });

    it("sends a duration in milliseconds as a duration string", async () => {
      const next = await endpoint.execute("trial-reminder-emails", {
        events: [trial],
        steps: { "wait-a-day": null, "send-tips": "sent" },
      });
      expect(next.body).toEqual([expect.objectContaining({ op: "Sleep", displayName: "wait-three-days", name: "3d" })]);
    });

    it("sleeps until a date, sent as an ISO timestamp", async () => {
      const slept = { "wait-a-day": null, "wait-three-days": null, ...emails };
      const next = await endpoint.execute("trial-reminder-emails", { events: [trial], steps: slept });
      expect(next.body).toEqual([
        expect.objectContaining({
          op: "Sleep",
          displayName: "wait-until-day-before-end",
          name: "2030-01-14T00:00:00.000Z",
        }),
      ]);

      const last = await endpoint.execute("trial-reminder-emails", {
        events: [trial],
        steps: { ...slept, "wait-until-day-before-end": null, "send-trial-ending": "sent" },
      });
      expect(last).toEqual({ status: 200, body: { userId: "u1", emails: 3 } });
    });
  });
});
