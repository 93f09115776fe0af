import { agentKitReadmeNote } from "./agent-kit.js";
import type { Feature } from "./feature.js";

export const agentNetwork: Feature = {
  id: "agent-network",
  label: "Agent network",
  group: "AI",
  description: "AgentKit agents (navigator with a tool, classifier, Anthropic summariser) routed by a network",
  files: ["agent-network-research.ts", "agent-network-research.test.ts"],
  supportFiles: ["testing-fake-models.ts"],
  readmeNote: agentKitReadmeNote,
  functions: [{ exportName: "agentNetworkResearch", file: "agent-network-research.ts" }],
  dependencies: ["@inngest/agent-kit", "zod"],
  env: [
    { name: "OPENAI_API_KEY", comment: "OpenAI API key, for the models of the AI features" },
    { name: "OPENAI_BASE_URL", comment: "Optional: any OpenAI-compatible server (default https://api.openai.com/v1)" },
    { name: "OPENAI_MODEL", comment: "Optional: the OpenAI model (default gpt-4o-mini)" },
    { name: "ANTHROPIC_API_KEY", comment: "Anthropic API key, for the Anthropic models of the AI features" },
    { name: "ANTHROPIC_BASE_URL", comment: "Optional: an Anthropic-compatible server (default https://api.anthropic.com/v1)" },
    { name: "ANTHROPIC_MODEL", comment: "Optional: the Anthropic model (default claude-3-5-haiku-latest)" },
  ],
};
