import { agentKitReadmeNote, openAiEnv } from "./agent-kit.js";
import type { Feature } from "./feature.js";

export const agentTools: Feature = {
  id: "agent-tools",
  label: "Agent tools",
  group: "AI",
  description: "AgentKit tools with zod schemas: one runs a step, one invokes a multi-step Inngest function",
  files: ["agent-tools-support.ts", "agent-tools-support.test.ts", "agent-tools-try-it.json"],
  supportFiles: ["ai-models.ts", "testing-fake-models.ts"],
  readmeNote: agentKitReadmeNote,
  functions: [
    { exportName: "answerSupportQuestion", file: "agent-tools-support.ts" },
    { exportName: "lookUpOrder", file: "agent-tools-support.ts" },
  ],
  events: ["supportQuestionAsked"],
  dependencies: ["@inngest/agent-kit", "zod"],
  env: [...openAiEnv],
};
