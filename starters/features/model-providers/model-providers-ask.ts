import { anthropic, createAgent, gemini, grok, openai } from "@inngest/agent-kit";
import { eventType } from "inngest";
import { z } from "zod";
import { inngest } from "../client";

export const modelProvidersProviders = ["openai", "anthropic", "gemini", "grok"] as const;
export type ModelProvidersProvider = (typeof modelProvidersProviders)[number];

export const modelProvidersQuestionAsked = eventType("app/model-providers.question-asked", {
  schema: z.object({
    question: z.string().min(1),
    /** Optional: answer with this provider's model instead of the default (MODEL_PROVIDER). */
    provider: z.enum(modelProvidersProviders).optional(),
  }),
});

/**
 * One model per provider, configured from env vars when called. Each reads its API key and base
 * URL (any compatible server, e.g. a proxy or a local model) and its model name.
 */
export function modelProvidersModel(provider: ModelProvidersProvider) {
  const env = process.env;
  switch (provider) {
    case "openai":
      return openai({
        model: env.OPENAI_MODEL || "gpt-4o-mini",
        apiKey: env.OPENAI_API_KEY,
        baseUrl: env.OPENAI_BASE_URL || "https://api.openai.com/v1",
        // Current OpenAI models take max_completion_tokens, not max_tokens.
        defaultParameters: { max_completion_tokens: 1000 },
      });
    case "anthropic":
      return anthropic({
        model: env.ANTHROPIC_MODEL || "claude-3-5-haiku-latest",
        apiKey: env.ANTHROPIC_API_KEY,
        baseUrl: env.ANTHROPIC_BASE_URL || "https://api.anthropic.com/v1",
        // Required by Anthropic's API.
        defaultParameters: { max_tokens: 1000 },
      });
    case "gemini":
      return gemini({
        model: env.GEMINI_MODEL || "gemini-2.0-flash",
        apiKey: env.GEMINI_API_KEY,
        baseUrl: env.GEMINI_BASE_URL || "https://generativelanguage.googleapis.com/v1beta",
        defaultParameters: { generationConfig: { maxOutputTokens: 1000 } },
      });
    case "grok":
      return grok({
        model: env.XAI_MODEL || "grok-3-latest",
        apiKey: env.XAI_API_KEY,
        baseUrl: env.XAI_BASE_URL || "https://api.x.ai/v1",
        defaultParameters: { max_completion_tokens: 1000 },
      });
  }
}

export const modelProvidersAsk = inngest.createFunction(
  { id: "model-providers-ask", triggers: [modelProvidersQuestionAsked] },
  async ({ event }) => {
    const defaultProvider = z.enum(modelProvidersProviders).catch("openai").parse(process.env.MODEL_PROVIDER);
    const assistant = createAgent({
      name: "assistant",
      system: "Answer the question in one short paragraph.",
      model: modelProvidersModel(defaultProvider),
    });
    const provider = event.data.provider ?? defaultProvider;
    // A model passed to run() replaces the agent's own for this run only.
    const result = await assistant.run(event.data.question, { model: modelProvidersModel(provider) });
    const answer = result.output.find((message) => message.type === "text");
    return {
      provider,
      answer: answer?.type === "text" && typeof answer.content === "string" ? answer.content : undefined,
    };
  },
);
