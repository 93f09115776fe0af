import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { importOrdersCsv } from "./step-run-order-import";
import { ordersCsvUploaded } from "../events";

const csvUploaded = ordersCsvUploaded.create({ csv: "SKU-1, 2\nSKU-2,5\n" });

describe("import-orders-csv", () => {
  it("runs the three steps in order and returns what they produced", async () => {
    const engine = new InngestTestEngine({ function: importOrdersCsv });
    const { result, ctx } = await engine.execute({ events: [csvUploaded] });
    expect(ctx.step.run.mock.calls.map(([id]) => id)).toEqual(["parse-csv", "save-orders", "notify-team"]);
    expect(result).toEqual({ saved: 2, skus: ["SKU-1", "SKU-2"] });
  });

  it("parses the CSV in the synchronous parse-csv step", async () => {
    const engine = new InngestTestEngine({ function: importOrdersCsv });
    const { result } = await engine.executeStep("parse-csv", { events: [csvUploaded] });
    expect(result).toEqual([
      { sku: "SKU-1", quantity: 2 },
      { sku: "SKU-2", quantity: 5 },
    ]);
  });

  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([importOrdersCsv]);
    });
    afterAll(() => endpoint.close());

    it("runs one step per request, starting with parse-csv", async () => {
      const first = await endpoint.execute("import-orders-csv", { events: [csvUploaded] });
      expect(first.status).toBe(206);
      expect(first.body).toEqual([
        expect.objectContaining({
          op: "StepRun",
          name: "parse-csv",
          data: [
            { sku: "SKU-1", quantity: 2 },
            { sku: "SKU-2", quantity: 5 },
          ],
        }),
      ]);
    });

    it("reuses memoised results instead of running the steps again", async () => {
      // The stored result of parse-csv differs from what the CSV gives: the function uses it,
      // which shows that the step did not run again.
      const stored = [{ sku: "FROM-MEMO", quantity: 1 }];
      const next = await endpoint.execute("import-orders-csv", {
        events: [csvUploaded],
        steps: { "parse-csv": stored },
      });
      expect(next.body).toEqual([expect.objectContaining({ op: "StepRun", name: "save-orders", data: { saved: 1 } })]);
    });

    it("reports null for the step with no return value, then finishes", async () => {
      const stored = { "parse-csv": [{ sku: "FROM-MEMO", quantity: 1 }], "save-orders": { saved: 1 } };
      const notify = await endpoint.execute("import-orders-csv", { events: [csvUploaded], steps: stored });
      expect(notify.body).toEqual([expect.objectContaining({ op: "StepRun", name: "notify-team", data: null })]);

      const done = await endpoint.execute("import-orders-csv", {
        events: [csvUploaded],
        steps: { ...stored, "notify-team": null },
      });
      expect(done).toEqual({ status: 200, body: { saved: 1, skus: ["FROM-MEMO"] } });
    });
  });
});
