import { inngest } from "../client";
import { catalogImported, productUpdated } from "../events";

// A stub for your search service: replace with a real client.
async function reindex(productIds: string[] | "all"): Promise<number> {
  return productIds === "all" ? 1200 : productIds.length;
}

export const refreshSearchIndex = inngest.createFunction(
  {
    id: "refresh-search-index",
    triggers: [
      productUpdated,
      catalogImported,
      { cron: "0 2 * * *" }, // Every day at 02:00 UTC, a full rebuild.
    ],
  },
  async ({ event, step }) => {
    // `event` is a union of the three triggers: narrow it before reading `event.data`.
    if (event.name === "inngest/scheduled.timer") {
      const count = await step.run("reindex-everything", () => reindex("all"));
      return { trigger: "cron", reindexed: count };
    }

    const productIds = "productIds" in event.data ? event.data.productIds : [event.data.productId];
    const count = await step.run("reindex-products", () => reindex(productIds));
    return { trigger: event.name, reindexed: count };
  },
);
