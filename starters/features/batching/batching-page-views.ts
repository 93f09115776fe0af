import { inngest } from "../client";

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
    id: "record-page-views-in-batches",
    batchEvents: { maxSize: 100, timeout: "5s" },
    triggers: [{ event: "app/batching.page-viewed" }],
  },
  // `events` holds the whole batch; `event` is only its first event.
  async ({ events, step }) => {
    const rows = events.map(({ data }) => ({ userId: String(data.userId), path: String(data.path) }));
    const inserted = await step.run("insert-page-views", () => analytics.insertPageViews(rows));
    return { inserted };
  },
);

// Conditional batching: only events matching `if` are batched (free workspaces);
// the others start a run of their own straight away.
export const reindexDocuments = inngest.createFunction(
  {
    id: "reindex-documents-batched-for-free-plan",
    batchEvents: { maxSize: 100, timeout: "5s", if: 'event.data.plan == "free"' },
    triggers: [{ event: "app/batching.document-changed" }],
  },
  async ({ events, step }) => {
    const documentIds = events.map(({ data }) => String(data.documentId));
    const reindexed = await step.run("reindex-documents", () => searchIndex.reindex(documentIds));
    return { reindexed };
  },
);
