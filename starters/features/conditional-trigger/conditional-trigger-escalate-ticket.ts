import { inngest } from "../client";
import { ticketCreated } from "../events";

// A stub for your paging service: replace with a real call.
async function pageOnCall(ticketId: string): Promise<{ paged: string }> {
  return { paged: `on-call engineer for ${ticketId}` };
}

export const escalateUrgentTicket = inngest.createFunction(
  {
    id: "escalate-urgent-ticket",
    // Inngest evaluates this CEL expression before starting a run: tickets with priority
    // below 4 start nothing at all.
    triggers: [{ event: ticketCreated, if: "event.data.priority >= 4" }],
  },
  async ({ event, step }) => {
    const { ticketId } = event.data;
    const page = await step.run("page-on-call", () => pageOnCall(ticketId));
    return { ticketId, ...page };
  },
);
