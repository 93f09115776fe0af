import { anthropic, createAgent, gemini, grok, openai } from "@inngest/agent-kit";
import { eventType } from "inngest";
import { z } from "zod";
import { type ModelProvider, modelProviders, modelSettings } from "../ai-models";
import { inngest } from "../client";

export const questionAsked = eventType("app/question.asked", {
  schema: z.object({
    question: z.string().min(1),
    /** Optional: answer with this provider's model instead of the default (MODEL_PROVIDER). */
    provider: z.enum(modelProviders).optional(),
  }),
});

/** A provider's model, with its settings from ai-models.ts and the token limit its API wants. */
export function providerModel(provider: ModelProvider) {
  switch (provider) {
    case "openai":
      return openai({
        ...modelSettings("openai"),
        // Current OpenAI models take max_completion_tokens, not max_tokens.
        defaultParameters: { max_completion_tokens: 1000 },
      });
    case "anthropic":
      return anthropic({
        ...modelSettings("anthropic"),
        // Required by Anthropic's API.
        defaultParameters: { max_tokens: 1000 },
      });
    case "gemini":
      return gemini({
        ...modelSettings("gemini"),
        defaultParameters: { generationConfig: { maxOutputTokens: 1000 } },
      });
    case "grok":
      return grok({
        ...modelSettings("grok"),
        defaultParameters: { max_completion_tokens: 1000 },
      });
  }
}

export const answerQuestion = inngest.createFunction(
  { id: "answer-question", triggers: [questionAsked] },
  async ({ event }) => {
    const defaultProvider = z.enum(modelProviders).catch("openai").parse(process.env.MODEL_PROVIDER);
    const assistant = createAgent({
      name: "assistant",
      system: "Answer the question in one short paragraph.",
      model: providerModel(defaultProvider),
    });
    const provider = event.data.provider ?? defaultProvider;
    // A model passed to run() replaces the agent's own for this run only.
    const result = await assistant.run(event.data.question, { model: providerModel(provider) });
    const answer = result.output.find((message) => message.type === "text");
    return {
      provider,
      answer: answer?.type === "text" && typeof answer.content === "string" ? answer.content : undefined,
    };
  },
);
