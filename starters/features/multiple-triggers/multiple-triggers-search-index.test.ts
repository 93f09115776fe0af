import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { refreshSearchIndex } from "./multiple-triggers-search-index";
import { catalogImported, productUpdated } from "../events";

describe("refresh-search-index", () => {
  it("reindexes the one product of a product-updated event", async () => {
    const engine = new InngestTestEngine({ function: refreshSearchIndex });
    const { result, ctx } = await engine.execute({
      events: [productUpdated.create({ productId: "p1" })],
    });
    expect(ctx.step.run).toHaveBeenCalledWith("reindex-products", expect.any(Function));
    expect(result).toEqual({ trigger: "app/product.updated", reindexed: 1 });
  });

  it("reindexes every product of a catalog-imported event", async () => {
    const engine = new InngestTestEngine({ function: refreshSearchIndex });
    const { result } = await engine.execute({
      events: [catalogImported.create({ productIds: ["p1", "p2", "p3"] })],
    });
    expect(result).toEqual({ trigger: "app/catalog.imported", reindexed: 3 });
  });

  it("rebuilds the whole index when the cron fires", async () => {
    const engine = new InngestTestEngine({ function: refreshSearchIndex });
    const { result, ctx } = await engine.execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "0 2 * * *" } }],
    });
    expect(ctx.step.run).toHaveBeenCalledWith("reindex-everything", expect.any(Function));
    expect(ctx.step.run).not.toHaveBeenCalledWith("reindex-products", expect.any(Function));
    expect(result).toEqual({ trigger: "cron", reindexed: 1200 });
  });

  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([refreshSearchIndex]);
    });
    afterAll(() => endpoint.close());

    it("registers one function with the two events and the daily cron", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.triggers).toEqual([
        { event: "app/product.updated" },
        { event: "app/catalog.imported" },
        { cron: "0 2 * * *" },
      ]);
    });
  });
});
