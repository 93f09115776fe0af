import { defaultModels } from "../ai-models";
import { inngest } from "../client";
import { ticketCreated } from "../events";
import { DependencyInjectionMiddleware } from "../middleware/dependency-injection-middleware";

// Function-level middleware: only the functions that list it receive `openai`.
export const summarizeTicket = inngest.createFunction(
  {
    id: "summarize-ticket",
    triggers: [ticketCreated],
    middleware: [DependencyInjectionMiddleware],
  },
  async ({ event, step, openai }) => {
    const summary = await step.run("dependency-injection-summarize-ticket", async () => {
      const response = await openai.responses.create({ model: defaultModels.openai, input: event.data.body });
      return response.output_text;
    });
    return { ticketId: event.data.ticketId, summary };
  },
);
