import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { inngest } from "../client";
import { startTestEndpoint, type TestEndpoint, readTryIt } from "../testing";
import { alerts, failureLog, importOrders, orderImporter } from "./on-failure-import-orders";
import { ordersImportRequested } from "../events";

// The README's "Try it" events for this function, read from the same file the README is written from.
const { event: readmeEvent, failure: readmeFailure } = readTryIt(
  import.meta.url,
  "./on-failure-try-it.json",
  "import-store-orders",
);

const importRequested = ordersImportRequested.create({
  storeId: "store_42",
  fileUrl: "https://files.example.com/orders.csv",
});
// What Inngest sends once every attempt of a run has failed.
const functionFailed = {
  name: "inngest/function.failed",
  data: {
    function_id: `${inngest.id}-import-store-orders`,
    run_id: "01J0000000000000000000000",
    error: { name: "Error", message: "orders.csv: unexpected column 'qty'" },
    event: importRequested,
  },
};

describe("import-store-orders", () => {
  afterEach(() => vi.restoreAllMocks());

  it("imports the file in a step", async () => {
    vi.spyOn(orderImporter, "importFile").mockResolvedValue({ imported: 12 });
    const engine = new InngestTestEngine({ function: importOrders });
    const { result } = await engine.execute({ events: [importRequested] });
    expect(result).toEqual({ imported: 12 });
  });

  // @inngest/test never runs onFailure: the failure handler is tested over HTTP.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([importOrders]);
    });
    afterAll(() => endpoint.close());

    it("runs the README's Try-it event to completion", async () => {
      const first = await endpoint.execute("import-store-orders", { events: [readmeEvent] });
      expect(first.body).toEqual([
        expect.objectContaining({ op: "StepRun", name: "import-orders", data: { imported: expect.any(Number) } }),
      ]);
      const imported = { imported: 12 };
      const done = await endpoint.execute("import-store-orders", {
        events: [readmeEvent],
        steps: { "import-orders": imported },
      });
      expect(done).toEqual({ status: 200, body: imported });
    });

    it("fails every attempt of the README's failure event, the last one for good", async () => {
      const failAttempts = readmeFailure.event.data.failAttempts as number;
      for (let attempt = 0; attempt < failAttempts; attempt++) {
        const answer = await endpoint.executeWithHeaders("import-store-orders", {
          events: [readmeFailure.event],
          attempt,
          maxAttempts: failAttempts,
        });
        const last = attempt === failAttempts - 1;
        expect(answer.headers.get("x-inngest-no-retry")).toBe(String(last));
        expect(answer.body).toEqual([expect.objectContaining({ op: last ? "StepFailed" : "StepError" })]);
      }
    });

    it("registers the failure handler as a second function, triggered by this function's failures", async () => {
      const synced = await endpoint.sync();
      expect(synced.map((fn) => fn.id)).toEqual([
        `${inngest.id}-import-store-orders`,
        `${inngest.id}-import-store-orders-failure`,
      ]);
      expect(synced[1]?.triggers).toEqual([
        {
          event: "inngest/function.failed",
          expression: `event.data.function_id == '${inngest.id}-import-store-orders'`,
        },
      ]);
    });

    it("alerts, then logs, with the original event and the error", async () => {
      const notifyOnCall = vi.spyOn(alerts, "notifyOnCall").mockResolvedValue({ alertId: "alert_1" });
      const record = vi.spyOn(failureLog, "record").mockResolvedValue();
      const events = [functionFailed];

      const alerted = await endpoint.execute("import-store-orders-failure", { events });
      expect(alerted.status).toBe(206);
      expect(alerted.body).toEqual([
        expect.objectContaining({ op: "StepRun", name: "alert-on-call", data: { alertId: "alert_1" } }),
      ]);
      expect(notifyOnCall).toHaveBeenCalledWith(
        "Order import for store store_42 failed: orders.csv: unexpected column 'qty'",
      );

      const logged = await endpoint.execute("import-store-orders-failure", {
        events,
        steps: { "alert-on-call": { alertId: "alert_1" } },
      });
      expect(logged.body).toEqual([expect.objectContaining({ op: "StepRun", name: "log-failure" })]);
      expect(record).toHaveBeenCalledWith({
        storeId: "store_42",
        fileUrl: "https://files.example.com/orders.csv",
        error: "orders.csv: unexpected column 'qty'",
      });

      const done = await endpoint.execute("import-store-orders-failure", {
        events,
        steps: { "alert-on-call": { alertId: "alert_1" }, "log-failure": null },
      });
      expect(done).toEqual({ status: 200, body: { alertId: "alert_1" } });
    });
  });
});
