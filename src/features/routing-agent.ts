import { agentKitReadmeNote } from "./agent-kit.js";
import type { Feature } from "./feature.js";

export const routingAgent: Feature = {
  id: "routing-agent",
  label: "Routing agent",
  group: "AI",
  description: "createRoutingAgent picks the next agent with a select_agent tool until it answers finished",
  files: ["routing-agent-triage.ts", "routing-agent-triage.test.ts"],
  supportFiles: ["testing-fake-models.ts"],
  readmeNote: agentKitReadmeNote,
  functions: [{ exportName: "routingAgentTriage", file: "routing-agent-triage.ts" }],
  dependencies: ["@inngest/agent-kit", "zod"],
  env: [
    { name: "OPENAI_API_KEY", comment: "OpenAI API key, for the models of the AI features" },
    { name: "OPENAI_BASE_URL", comment: "Optional: any OpenAI-compatible server (default https://api.openai.com/v1)" },
    { name: "OPENAI_MODEL", comment: "Optional: the OpenAI model (default gpt-4o-mini)" },
  ],
};
