import { createAgent, createNetwork, createRoutingAgent, createTool, openai } from "@inngest/agent-kit";
import { z } from "zod";
import { modelSettings } from "../ai-models";
import { inngest } from "../client";
import { ticketCreated } from "../events";

const FINISHED = "finished";

/**
 * A routing agent decides which agent runs next: it must call `select_agent` with an agent's name,
 * or with "finished" to end the network run.
 */
const triageRouter = createRoutingAgent({
  name: "triage",
  description: "Sends a support ticket to the right agent until it has an answer",
  system: async ({ network }) => {
    const agents = (await network?.availableAgents()) ?? [];
    return [
      "You route a support ticket between these agents:",
      ...agents.map((agent) => `- ${agent.name}: ${agent.description}`),
      `Call select_agent with the next agent's name, or with "${FINISHED}" once the ticket has an answer.`,
    ].join("\n");
  },
  tools: [
    createTool({
      name: "select_agent",
      description: `Choose the agent to run next, or "${FINISHED}"`,
      parameters: z.object({ name: z.string() }),
      handler: ({ name }, { network }) => {
        if (name !== FINISHED && !network.agents.get(name)) throw new Error(`There is no agent named "${name}"`);
        return name;
      },
    }),
  ],
  tool_choice: "select_agent",
  lifecycle: {
    // What the tool returned decides the next agents; none ends the run.
    onRoute: ({ result }) => {
      const content = result.toolCalls[0]?.content;
      const name = typeof content === "object" && content !== null && "data" in content ? content.data : undefined;
      return typeof name === "string" && name !== FINISHED ? [name] : undefined;
    },
  },
});

export const triageTicket = inngest.createFunction(
  { id: "triage-ticket", triggers: [ticketCreated] },
  async ({ event }) => {
    const billing = createAgent({
      name: "billing",
      description: "Answers questions about invoices, refunds and payments",
      system: "You are a billing specialist. Answer the ticket in two sentences.",
    });
    const technical = createAgent({
      name: "technical",
      description: "Answers questions about bugs, errors and how the product works",
      system: "You are a support engineer. Answer the ticket in two sentences.",
    });
    const network = createNetwork({
      name: "triage-ticket",
      agents: [billing, technical],
      router: triageRouter,
      defaultModel: openai(modelSettings("openai")),
      maxIter: 4,
    });

    const { state } = await network.run(event.data.body);
    return {
      agents: state.results.map((result) => result.agentName),
      answers: state.results.map((result) =>
        result.output
          .map((message) => (message.type === "text" && typeof message.content === "string" ? message.content : ""))
          .join(""),
      ),
    };
  },
);
