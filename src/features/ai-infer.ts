import type { Feature } from "./feature.js";

export const aiInfer: Feature = {
  id: "ai-infer",
  label: "AI inference step",
  group: "AI",
  description: "step.ai.infer writes search queries, parallel steps crawl them, a second inference summarises",
  files: ["ai-infer-research.ts", "ai-infer-research.test.ts"],
  supportFiles: ["testing-fake-models.ts"],
  functions: [{ exportName: "aiInferResearch", file: "ai-infer-research.ts" }],
  dependencies: ["zod"],
  env: [
    { name: "OPENAI_API_KEY", comment: "OpenAI API key, for the models of the AI features" },
    { name: "OPENAI_BASE_URL", comment: "Optional: any OpenAI-compatible server (default https://api.openai.com/v1)" },
    { name: "OPENAI_MODEL", comment: "Optional: the OpenAI model (default gpt-4o-mini)" },
  ],
};
