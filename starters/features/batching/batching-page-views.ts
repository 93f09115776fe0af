import { inngest } from "../client";
import { documentChanged, pageViewed } from "../events";

// Stand-ins for your analytics store and search index: replace with the real calls.
export const analytics = {
  async insertPageViews(rows: { userId: string; path: string }[]): Promise<number> {
    return rows.length;
  },
};
export const searchIndex = {
  async reindex(documentIds: string[]): Promise<number> {
    return new Set(documentIds).size;
  },
};

// One run per batch: up to 100 events, or whatever arrived within 5s of the first one.
export const recordPageViews = inngest.createFunction(
  {
    id: "record-page-views",
    batchEvents: { maxSize: 100, timeout: "5s" },
    triggers: [pageViewed],
  },
  // `events` holds the whole batch; `event` is only its first event.
  async ({ events, step }) => {
    const rows = events.map(({ data }) => ({ userId: data.userId, path: data.path }));
    const inserted = await step.run("insert-page-views", () => analytics.insertPageViews(rows));
    return { inserted };
  },
);

// Conditional batching: only events matching `if` are batched (free workspaces);
// the others start a run of their own straight away.
export const reindexDocuments = inngest.createFunction(
  {
    id: "reindex-documents",
    batchEvents: { maxSize: 100, timeout: "5s", if: 'event.data.plan == "free"' },
    triggers: [documentChanged],
  },
  async ({ events, step }) => {
    const documentIds = events.map(({ data }) => data.documentId);
    const reindexed = await step.run("reindex-documents", () => searchIndex.reindex(documentIds));
    return { reindexed };
  },
);
