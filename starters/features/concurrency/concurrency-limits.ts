import { inngest } from "../client";
import { documentUploaded, mailboxSyncRequested, videoUploaded } from "../events";

// Stand-ins for your video, mail and AI services: replace with the real calls.
export const services = {
  async transcode(videoId: string): Promise<{ url: string }> {
    return { url: `https://cdn.example.com/${videoId}.mp4` };
  },
  async fetchNewMail(userId: string): Promise<number> {
    return userId.length;
  },
  async summarize(documentId: string): Promise<string> {
    return `Summary of ${documentId}`;
  },
};

// At most 5 runs of this function execute steps at the same time; the others wait in a queue.
export const transcodeVideo = inngest.createFunction(
  { id: "transcode-video", concurrency: 5, triggers: [videoUploaded] },
  async ({ event, step }) => {
    return step.run("transcode-video", () => services.transcode(event.data.videoId));
  },
);

// One run per user at a time: each distinct key value gets its own limit.
export const syncMailbox = inngest.createFunction(
  {
    id: "sync-mailbox",
    concurrency: { limit: 1, key: "event.data.userId" },
    triggers: [mailboxSyncRequested],
  },
  async ({ event, step }) => {
    const newMessages = await step.run("fetch-new-mail", () => services.fetchNewMail(event.data.userId));
    return { newMessages };
  },
);

// Two limits at once. `scope: "account"` shares the limit with every function in your Inngest
// account that uses the same key (a quoted string here, so one queue for the AI provider);
// `scope: "fn"` applies to this function only, per user.
export const summarizeDocument = inngest.createFunction(
  {
    id: "summarize-document",
    concurrency: [
      { scope: "account", key: '"ai-provider"', limit: 10 },
      { scope: "fn", key: "event.data.userId", limit: 2 },
    ],
    triggers: [documentUploaded],
  },
  async ({ event, step }) => {
    const summary = await step.run("summarize-document", () => services.summarize(event.data.documentId));
    return { summary };
  },
);
