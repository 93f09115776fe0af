import { inngest } from "../client";
import { contactsImportRequested } from "../events";

// Stand-in for a third-party API with a per-user quota: replace with the real call.
export const contactsApi = {
  async importContacts(userId: string): Promise<{ imported: number }> {
    return { imported: userId.length };
  },
};

export const importContacts = inngest.createFunction(
  {
    id: "import-contacts",
    // One run start per user every 5 seconds, with up to 2 extra in a burst. Unlike a rate limit,
    // runs over the limit are queued and start later; none are dropped.
    throttle: { limit: 1, period: "5s", burst: 2, key: "event.data.userId" },
    triggers: [contactsImportRequested],
  },
  async ({ event, step }) => {
    return step.run("import-contacts", () => contactsApi.importContacts(event.data.userId));
  },
);
