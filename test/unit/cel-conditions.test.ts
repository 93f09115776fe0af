import { describe, expect, it } from "vitest";
import { cancelledBy, conditionHolds } from "../e2e/runs.js";

const started = { name: "app/signup", data: { userId: "u1", plan: "pro", seats: 3, tags: ["beta"] } };

describe("the stand-in executor's CEL conditions", () => {
  it("judges comparisons, boolean logic, membership and string functions as CEL does", () => {
    expect(conditionHolds("event.data.seats >= 3 && event.data.plan == 'pro'", { event: started })).toBe(true);
    expect(conditionHolds("event.data.seats > 3 || event.data.plan != 'pro'", { event: started })).toBe(false);
    expect(conditionHolds('"beta" in event.data.tags', { event: started })).toBe(true);
    expect(conditionHolds("event.data.userId.startsWith('u') && !(event.data.seats == 4)", { event: started })).toBe(
      true,
    );
    // JSON numbers are doubles; CEL compares them with int literals.
    expect(conditionHolds("event.data.seats == 3", { event: started })).toBe(true);
  });

  it("matches nothing when a condition cannot be evaluated, as Inngest does", () => {
    expect(conditionHolds("event.data.missing == 'x'", { event: started })).toBe(false);
    expect(conditionHolds("has(event.data.missing)", { event: started })).toBe(false);
  });

  it("throws on a condition that does not parse or is not a boolean", () => {
    expect(() => conditionHolds("event.data.plan ==", { event: started })).toThrow();
    expect(() => conditionHolds("event.data.plan", { event: started })).toThrow(/not a condition/);
  });

  it("compares the incoming event (async) with the one that started the run in cancelOn", () => {
    const cancelOn = [
      { event: "app/cancel", if: "async.data.userId == event.data.userId" },
      { event: "app/other", if: "async.data.userId == event.data.userId" },
    ];
    expect(cancelledBy(cancelOn, started, { name: "app/cancel", data: { userId: "u1" } })).toEqual([cancelOn[0]]);
    expect(cancelledBy(cancelOn, started, { name: "app/cancel", data: { userId: "u2" } })).toEqual([]);
    expect(cancelledBy(cancelOn, started, { name: "app/cancel", data: {} })).toEqual([]);
  });
});
