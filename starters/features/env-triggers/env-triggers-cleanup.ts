import { inngest } from "../client";
import { sessionsCleanupRequested } from "../events";

// A stub for your storage: replace with a real cleanup query.
async function deleteExpiredSessions(): Promise<number> {
  return 42;
}

// In production (cloud mode) the cleanup runs every night. With the Dev Server (INNGEST_DEV=1)
// a cron would fire on its own while you work, so there it runs only when you send the event.
// `inngest.mode` is read once, when this module loads.
const triggers = inngest.mode === "cloud" ? [{ cron: "0 3 * * *" }] : [sessionsCleanupRequested];

export const cleanupExpiredSessions = inngest.createFunction(
  { id: "cleanup-expired-sessions", triggers },
  async ({ step }) => {
    const deleted = await step.run("delete-expired-sessions", () => deleteExpiredSessions());
    return { deleted };
  },
);
