import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { onboardingProfileFollowUp } from "./wait-for-event-onboarding";
import { planUpgraded, profileCompleted, userSignedUp } from "../events";

// @inngest/test 1.0.0 cannot mock waitForEvent (the mock always fails), so these tests play
// the Inngest side over HTTP: each request carries the results of the waits so far.
const events = [userSignedUp.create({ userId: "u1", email: "ada@example.com", plan: "free" })];
const profile = profileCompleted.create({ userId: "u1" }, { id: "e1", ts: 1 });
const upgraded = planUpgraded.create({ userId: "u1", plan: "pro" }, { id: "e2", ts: 2 });

describe("onboarding-profile-follow-up", () => {
  let endpoint: TestEndpoint;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([onboardingProfileFollowUp]);
  });
  afterAll(() => endpoint.close());

  it("waits up to 3 days for the same user's profile-completed event", async () => {
    const first = await endpoint.execute("onboarding-profile-follow-up", { events });
    expect(first.status).toBe(206);
    // `match: "data.userId"` is sent to Inngest as the equivalent `if` expression.
    expect(first.body).toEqual([
      expect.objectContaining({
        op: "WaitForEvent",
        displayName: "wait-for-profile",
        name: "app/profile.completed",
        opts: { timeout: "3d", if: "event.data.userId == async.data.userId" },
      }),
    ]);
  });

  it("sends a nudge when the wait times out (null)", async () => {
    const next = await endpoint.execute("onboarding-profile-follow-up", {
      events,
      steps: { "wait-for-profile": null },
    });
    expect(next.body).toEqual([
      expect.objectContaining({
        op: "StepRun",
        name: "send-profile-nudge",
        data: "complete-your-profile sent to ada@example.com",
      }),
    ]);

    const done = await endpoint.execute("onboarding-profile-follow-up", {
      events,
      steps: { "wait-for-profile": null, "send-profile-nudge": "sent" },
    });
    expect(done).toEqual({ status: 200, body: { profileCompleted: false, upgraded: false } });
  });

  it("once the profile is complete, waits 14 days for a pro upgrade by the same user", async () => {
    const next = await endpoint.execute("onboarding-profile-follow-up", {
      events,
      steps: { "wait-for-profile": profile },
    });
    expect(next.body).toEqual([
      expect.objectContaining({
        op: "WaitForEvent",
        displayName: "wait-for-upgrade",
        name: "app/plan.upgraded",
        opts: { timeout: "2w", if: "async.data.userId == event.data.userId && async.data.plan == 'pro'" },
      }),
    ]);
  });

  it("makes an upgrade offer when no upgrade arrives", async () => {
    const steps = { "wait-for-profile": profile, "wait-for-upgrade": null };
    const next = await endpoint.execute("onboarding-profile-follow-up", { events, steps });
    expect(next.body).toEqual([expect.objectContaining({ op: "StepRun", name: "send-upgrade-offer" })]);
  });

  it("finishes without emails when both events arrive", async () => {
    const steps = { "wait-for-profile": profile, "wait-for-upgrade": upgraded };
    const done = await endpoint.execute("onboarding-profile-follow-up", { events, steps });
    expect(done).toEqual({ status: 200, body: { profileCompleted: true, upgraded: true } });
  });
});
