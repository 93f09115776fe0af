import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { scheduleAccountSyncs, syncOneAccount } from "./fan-out-account-sync";
import { accountSyncRequested } from "../events";

const tick = { name: "inngest/scheduled.timer", data: { cron: "0 * * * *" } };

describe("schedule-account-syncs", () => {
  it("sends one account-sync-requested event per account, in one step", async () => {
    // The sendEvent step is mocked: unmocked, it would send the events to Inngest.
    const engine = new InngestTestEngine({
      function: scheduleAccountSyncs,
      steps: [{ id: "fan-out-account-syncs", handler: () => ({ ids: ["e1", "e2", "e3"] }) }],
    });
    const { result, ctx } = await engine.execute({ events: [tick] });
    expect(ctx.step.sendEvent).toHaveBeenCalledTimes(1);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("fan-out-account-syncs", [
      expect.objectContaining({ name: "app/account.sync-requested", data: { accountId: "acc_1" } }),
      expect.objectContaining({ name: "app/account.sync-requested", data: { accountId: "acc_2" } }),
      expect.objectContaining({ name: "app/account.sync-requested", data: { accountId: "acc_3" } }),
    ]);
    expect(result).toEqual({ scheduled: 3 });
  });

  it("sends nothing when there are no accounts", async () => {
    const engine = new InngestTestEngine({
      function: scheduleAccountSyncs,
      steps: [{ id: "load-accounts", handler: () => [] }],
    });
    const { result, ctx } = await engine.execute({ events: [tick] });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
    expect(result).toEqual({ scheduled: 0 });
  });
});

describe("sync-account", () => {
  it("syncs the account named in the event", async () => {
    const engine = new InngestTestEngine({ function: syncOneAccount });
    const { result, ctx } = await engine.execute({
      events: [accountSyncRequested.create({ accountId: "acc_42" })],
    });
    expect(ctx.step.run).toHaveBeenCalledWith("sync-account", expect.any(Function));
    expect(result).toEqual({ accountId: "acc_42", records: 60 });
  });
});

describe("fan-out over HTTP", () => {
  let endpoint: TestEndpoint;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([scheduleAccountSyncs, syncOneAccount]);
  });
  afterAll(() => endpoint.close());

  it("registers the scheduler on a cron and the worker on the event the scheduler sends", async () => {
    const [scheduler, worker] = await endpoint.sync();
    expect(scheduler?.triggers).toEqual([{ cron: "0 * * * *" }]);
    expect(worker?.triggers).toEqual([{ event: "app/account.sync-requested" }]);
  });

  it("loads the accounts in a step, then finishes once the events are sent", async () => {
    const first = await endpoint.execute("schedule-account-syncs", { events: [tick] });
    expect(first.body).toEqual([expect.objectContaining({ op: "StepRun", name: "load-accounts" })]);

    const done = await endpoint.execute("schedule-account-syncs", {
      events: [tick],
      steps: { "load-accounts": [{ id: "acc_1", plan: "pro" }], "fan-out-account-syncs": { ids: ["e1"] } },
    });
    expect(done).toEqual({ status: 200, body: { scheduled: 1 } });
  });
});
