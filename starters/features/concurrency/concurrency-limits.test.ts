import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { summarizeDocument, syncMailbox, transcodeVideo } from "./concurrency-limits";
import { documentUploaded, mailboxSyncRequested, videoUploaded } from "../events";

describe("concurrency limits", () => {
  it("runs each function's step", async () => {
    const transcoded = await new InngestTestEngine({ function: transcodeVideo }).execute({
      events: [videoUploaded.create({ videoId: "vid_1" })],
    });
    expect(transcoded.result).toEqual({ url: "https://cdn.example.com/vid_1.mp4" });

    const synced = await new InngestTestEngine({ function: syncMailbox }).execute({
      events: [mailboxSyncRequested.create({ userId: "user_1" })],
    });
    expect(synced.result).toEqual({ newMessages: 6 });

    const summarized = await new InngestTestEngine({ function: summarizeDocument }).execute({
      events: [documentUploaded.create({ userId: "user_1", documentId: "doc_1" })],
    });
    expect(summarized.result).toEqual({ summary: "Summary of doc_1" });
  });

  // Inngest enforces the limits when it schedules steps (@inngest/test ignores them): check what
  // each function registers.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([transcodeVideo, syncMailbox, summarizeDocument]);
    });
    afterAll(() => endpoint.close());

    it("registers a plain limit, a per-user limit, and an account-wide limit with a per-user one", async () => {
      const [transcode, mailbox, summarize] = await endpoint.sync();
      expect(transcode?.concurrency).toBe(5);
      expect(mailbox?.concurrency).toEqual({ limit: 1, key: "event.data.userId" });
      expect(summarize?.concurrency).toEqual([
        { scope: "account", key: '"ai-provider"', limit: 10 },
        { scope: "fn", key: "event.data.userId", limit: 2 },
      ]);
    });
  });
});
