import { inngest } from "../client";
import { profileUpdated } from "../events";

// Stand-in for your search index: replace with the real call.
export const profileIndex = {
  async reindexUser(userId: string): Promise<{ indexed: string }> {
    return { indexed: userId };
  },
};

export const reindexProfile = inngest.createFunction(
  {
    id: "reindex-profile",
    // Waits until a user's profile has had no update for 5 seconds, then runs once
    // with the last event received.
    debounce: { period: "5s", key: "event.data.userId" },
    triggers: [profileUpdated],
  },
  async ({ event, step }) => {
    return step.run("reindex-user-profile", () => profileIndex.reindexUser(event.data.userId));
  },
);
