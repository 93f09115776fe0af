import { anthropic, createAgent, createNetwork, createState, createTool, openai } from "@inngest/agent-kit";
import { z } from "zod";
import { modelSettings } from "../ai-models";
import { inngest } from "../client";
import { pageSummaryRequested } from "../events";

interface AgentNetworkState {
  page?: { url: string; text: string };
}

/**
 * A network of three agents: a navigator that reads a page with a tool, a classifier, and a
 * summariser on an Anthropic model. With no router of its own, the network asks the default routing
 * agent (on the network's default model) which agent goes next, until it answers "done" or
 * `maxIter` agent runs are reached. Inside an Inngest function every model call is a
 * `step.ai.infer` step and every tool call a `step.run` step, so a retry replays finished ones.
 */
export function createAgentNetwork() {
  // Models are made when the network is, so they read the env vars at run time.
  const defaultModel = openai(modelSettings("openai"));
  const summariserModel = anthropic({ ...modelSettings("anthropic"), defaultParameters: { max_tokens: 1000 } });

  // AgentKit passes the model's arguments to handlers unchecked: parse them. A thrown error goes
  // back to the model as the tool's result.
  const visitPageParameters = z.object({ url: z.string().url() });
  const visitPage = createTool({
    name: "visit_page",
    description: "Read the text of a web page",
    parameters: visitPageParameters,
    handler: async (input, { network }) => {
      const { url } = visitPageParameters.parse(input);
      const page = { url, text: await readPage(url) };
      network.state.data.page = page;
      return page;
    },
  });

  const navigator = createAgent<AgentNetworkState>({
    name: "navigator",
    description: "Reads the web page the user asks about",
    system: "Read the page the user gives with the visit_page tool.",
    tools: [visitPage],
  });
  const classifier = createAgent<AgentNetworkState>({
    name: "classifier",
    description: "Classifies the page that the navigator read",
    system: ({ network }) =>
      `Answer with one word, the topic of this page: news, docs, blog or other.\n\n${network?.state.data.page?.text ?? ""}`,
  });
  const summariser = createAgent<AgentNetworkState>({
    name: "summariser",
    description: "Summarises the page that the navigator read",
    system: ({ network }) => `Summarise this page in two sentences.\n\n${network?.state.data.page?.text ?? ""}`,
    model: summariserModel,
  });

  return createNetwork<AgentNetworkState>({
    name: "research-site",
    agents: [navigator, classifier, summariser],
    defaultModel,
    defaultState: createState<AgentNetworkState>({}),
    maxIter: 6,
  });
}

export const researchSite = inngest.createFunction(
  { id: "research-site", triggers: [pageSummaryRequested] },
  async ({ event }) => {
    const { state } = await createAgentNetwork().run(`Read ${event.data.url}, classify it and summarise it.`);
    const lastTextOf = (agent: string) => {
      const result = state.results.findLast((r) => r.agentName === agent);
      const message = result?.output.findLast((m) => m.type === "text");
      return message?.type === "text" && typeof message.content === "string" ? message.content : undefined;
    };
    return {
      agents: state.results.map((r) => r.agentName),
      page: state.data.page,
      category: lastTextOf("classifier"),
      summary: lastTextOf("summariser"),
    };
  },
);

/** A local stub standing in for the web: replace it with a real fetch or a headless browser. */
async function readPage(url: string): Promise<string> {
  return `The page at ${url} explains how durable functions retry each step on failure.`;
}
