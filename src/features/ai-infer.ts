import { openAiEnv } from "./agent-kit.js";
import type { Feature } from "./feature.js";

export const aiInfer: Feature = {
  id: "ai-infer",
  label: "AI inference step",
  group: "AI",
  description: "step.ai.infer writes search queries, parallel steps crawl them, a second inference summarises",
  files: ["ai-infer-research.ts", "ai-infer-research.test.ts", "ai-infer-try-it.json"],
  supportFiles: ["ai-models.ts", "testing-fake-models.ts"],
  functions: [{ exportName: "researchTopic", file: "ai-infer-research.ts" }],
  events: ["researchRequested"],
  dependencies: ["zod"],
  env: [...openAiEnv],
};
