import { agentKitReadmeNote, openAiEnv, anthropicEnv } from "./agent-kit.js";
import type { Feature } from "./feature.js";

export const modelProviders: Feature = {
  id: "model-providers",
  label: "Model providers",
  group: "AI",
  description: "OpenAI, Anthropic, Gemini and Grok models from env vars, with a per-run model override",
  files: ["model-providers-ask.ts", "model-providers-ask.test.ts", "model-providers-try-it.json"],
  supportFiles: ["ai-models.ts", "testing-fake-models.ts"],
  readmeNote: agentKitReadmeNote,
  functions: [{ exportName: "answerQuestion", file: "model-providers-ask.ts" }],
  dependencies: ["@inngest/agent-kit", "zod"],
  env: [
    {
      name: "MODEL_PROVIDER",
      comment: "Optional: the default provider of answer-question: openai, anthropic, gemini or grok",
    },
    ...openAiEnv,
    ...anthropicEnv,
    { name: "GEMINI_API_KEY", comment: "Google Gemini API key" },
    {
      name: "GEMINI_BASE_URL",
      comment: "Optional: a Gemini-compatible server (default https://generativelanguage.googleapis.com/v1beta)",
    },
    { name: "GEMINI_MODEL", comment: "Optional: the Gemini model (default in src/inngest/ai-models.ts)" },
    { name: "XAI_API_KEY", comment: "xAI API key, for Grok" },
    { name: "XAI_BASE_URL", comment: "Optional: an xAI-compatible server (default https://api.x.ai/v1)" },
    { name: "XAI_MODEL", comment: "Optional: the Grok model (default in src/inngest/ai-models.ts)" },
  ],
};
