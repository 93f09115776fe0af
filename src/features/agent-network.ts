import { agentKitReadmeNote, openAiEnv, anthropicEnv } from "./agent-kit.js";
import type { Feature } from "./feature.js";

export const agentNetwork: Feature = {
  id: "agent-network",
  label: "Agent network",
  group: "AI",
  description: "AgentKit agents (navigator with a tool, classifier, Anthropic summariser) routed by a network",
  files: ["agent-network-research.ts", "agent-network-research.test.ts", "agent-network-try-it.json"],
  supportFiles: ["ai-models.ts", "testing-fake-models.ts"],
  readmeNote: agentKitReadmeNote,
  functions: [{ exportName: "researchSite", file: "agent-network-research.ts" }],
  events: ["pageSummaryRequested"],
  dependencies: ["@inngest/agent-kit", "zod"],
  env: [...openAiEnv, ...anthropicEnv],
};
