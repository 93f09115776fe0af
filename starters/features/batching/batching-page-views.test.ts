import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { analytics, recordPageViews, reindexDocuments } from "./batching-page-views";
import { documentChanged, pageViewed } from "../events";

type PageViewed = { name: string; data: { userId: string; path: string } };
const pageViews: [PageViewed, ...PageViewed[]] = [
  pageViewed.create({ userId: "user_1", path: "/pricing" }),
  pageViewed.create({ userId: "user_2", path: "/docs" }),
  pageViewed.create({ userId: "user_1", path: "/signup" }),
];

describe("batching", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes every event of the batch in one insert", async () => {
    const insert = vi.spyOn(analytics, "insertPageViews");
    const { result } = await new InngestTestEngine({ function: recordPageViews }).execute({ events: pageViews });
    expect(result).toEqual({ inserted: 3 });
    expect(insert).toHaveBeenCalledTimes(1);
    expect(insert).toHaveBeenCalledWith([
      { userId: "user_1", path: "/pricing" },
      { userId: "user_2", path: "/docs" },
      { userId: "user_1", path: "/signup" },
    ]);
  });

  it("reindexes each document of the batch once", async () => {
    const { result } = await new InngestTestEngine({ function: reindexDocuments }).execute({
      events: [freePlanDocumentChanged("doc_1"), freePlanDocumentChanged("doc_2"), freePlanDocumentChanged("doc_1")],
    });
    expect(result).toEqual({ reindexed: 2 });
  });

  // Inngest builds the batches (@inngest/test ignores batchEvents): check what each function
  // registers, and that a batch sent over HTTP reaches the handler as `events`.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([recordPageViews, reindexDocuments]);
    });
    afterAll(() => endpoint.close());

    it("registers batches of up to 100 events or 5 seconds, the second only for free-plan events", async () => {
      const [pageViewsFn, reindexFn] = await endpoint.sync();
      expect(pageViewsFn?.batchEvents).toEqual({ maxSize: 100, timeout: "5s" });
      expect(reindexFn?.batchEvents).toEqual({ maxSize: 100, timeout: "5s", if: 'event.data.plan == "free"' });
    });

    it("runs once for the whole batch", async () => {
      const first = await endpoint.execute("record-page-views", { events: pageViews });
      expect(first.body).toEqual([expect.objectContaining({ op: "StepRun", name: "insert-page-views", data: 3 })]);
      const done = await endpoint.execute("record-page-views", {
        events: pageViews,
        steps: { "insert-page-views": 3 },
      });
      expect(done).toEqual({ status: 200, body: { inserted: 3 } });
    });
  });
});

function freePlanDocumentChanged(documentId: string) {
  return documentChanged.create({ documentId, plan: "free" });
}
