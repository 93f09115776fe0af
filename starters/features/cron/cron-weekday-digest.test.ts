import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { weekdayDigest } from "./cron-weekday-digest";

// Inngest sends this event when a cron fires.
const tick = { name: "inngest/scheduled.timer", data: { cron: "TZ=America/New_York 0 9 * * 1-5" } };

describe("weekday-digest", () => {
  it("loads the open tasks in a step and lists the ones due today", async () => {
    const engine = new InngestTestEngine({ function: weekdayDigest });
    const { result, ctx } = await engine.execute({ events: [tick] });
    expect(ctx.step.run).toHaveBeenCalledWith("load-open-tasks", expect.any(Function));
    expect(result).toEqual({ openTasks: 2, dueToday: ["Review the launch checklist"] });
  });

  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([weekdayDigest]);
    });
    afterAll(() => endpoint.close());

    it("registers a weekday 09:00 schedule in the New York time zone", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.triggers).toEqual([{ cron: "TZ=America/New_York 0 9 * * 1-5" }]);
    });

    it("runs the load-open-tasks step, then returns the digest", async () => {
      const first = await endpoint.execute("weekday-digest", { events: [tick] });
      expect(first.status).toBe(206);
      expect(first.body).toEqual([expect.objectContaining({ op: "StepRun", name: "load-open-tasks" })]);

      const tasks = [{ id: "t9", title: "Ship it", dueToday: true }];
      const done = await endpoint.execute("weekday-digest", { events: [tick], steps: { "load-open-tasks": tasks } });
      expect(done).toEqual({ status: 200, body: { openTasks: 1, dueToday: ["Ship it"] } });
    });
  });
});
