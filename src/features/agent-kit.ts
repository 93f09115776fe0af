import type { Feature } from "./feature.js";

type EnvLines = NonNullable<Feature["env"]>;

/** `.env.example` lines of each model provider that the AI features read. */
export const openAiEnv: EnvLines = [
  { name: "OPENAI_API_KEY", comment: "OpenAI API key, for the models of the AI features" },
  { name: "OPENAI_BASE_URL", comment: "Optional: any OpenAI-compatible server (default https://api.openai.com/v1)" },
  { name: "OPENAI_MODEL", comment: "Optional: the OpenAI model (default in src/inngest/ai-models.ts)" },
];

export const anthropicEnv: EnvLines = [
  { name: "ANTHROPIC_API_KEY", comment: "Anthropic API key, for the Anthropic models of the AI features" },
  {
    name: "ANTHROPIC_BASE_URL",
    comment: "Optional: an Anthropic-compatible server (default https://api.anthropic.com/v1)",
  },
  { name: "ANTHROPIC_MODEL", comment: "Optional: the Anthropic model (default in src/inngest/ai-models.ts)" },
];

/** For the README of apps that use AgentKit. */
export const agentKitReadmeNote = [
  "AgentKit's own `createServer` (from `@inngest/agent-kit/server`) throws at start-up with `inngest` v4.",
  "The agents and networks here run inside ordinary Inngest functions instead: each calls",
  "`network.run(...)` (or `agent.run(...)`) in a function registered with this app's serve handler at",
  "`/api/inngest`, so every model call is a `step.ai.infer` step you can watch in the Dev Server.",
  "AgentKit's type declarations need `skipLibCheck: true`, which `tsconfig.json` sets.",
].join("\n");
