import { agentKitReadmeNote, openAiEnv } from "./agent-kit.js";
import type { Feature } from "./feature.js";

export const routingAgent: Feature = {
  id: "routing-agent",
  label: "Routing agent",
  group: "AI",
  description: "createRoutingAgent picks the next agent with a select_agent tool until it answers finished",
  files: ["routing-agent-triage.ts", "routing-agent-triage.test.ts", "routing-agent-try-it.json"],
  supportFiles: ["ai-models.ts", "testing-fake-models.ts"],
  readmeNote: agentKitReadmeNote,
  functions: [{ exportName: "triageTicket", file: "routing-agent-triage.ts" }],
  events: ["ticketCreated"],
  dependencies: ["@inngest/agent-kit", "zod"],
  env: [...openAiEnv],
};
