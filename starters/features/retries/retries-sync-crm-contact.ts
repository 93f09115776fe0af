import { inngest } from "../client";
import { contactUpdated } from "../events";

// Stand-in for your CRM's API client: replace with the real call. `outage` makes it answer 503, so
// you can watch the retries from the Dev Server.
export const crm = {
  async upsertContact(
    contact: { email: string; name: string },
    outage = false,
  ): Promise<{ status: number; id?: string }> {
    return outage ? { status: 503 } : { status: 200, id: `crm_${contact.email}` };
  },
};

export const syncCrmContact = inngest.createFunction(
  // 5 retries after the first attempt: each failing step is tried up to 6 times, with backoff.
  { id: "sync-crm-contact", retries: 5, triggers: [contactUpdated] },
  async ({ event, step, attempt }) => {
    const contactId = await step.run("upsert-crm-contact", async () => {
      // `attempt` counts from 0: with `failAttempts: 2` the first two attempts fail and the third succeeds.
      const outage = attempt < (event.data.failAttempts ?? 0);
      const response = await crm.upsertContact({ email: event.data.email, name: event.data.name }, outage);
      // Throwing fails this step only: Inngest retries it later, and steps that already
      // succeeded are not run again.
      if (response.status !== 200 || !response.id) throw new Error(`CRM answered ${response.status}`);
      return response.id;
    });
    return { contactId };
  },
);
