export const modelProviders = ["openai", "anthropic", "gemini", "grok"] as const;
export type ModelProvider = (typeof modelProviders)[number];

/**
 * The model each provider's AI functions use unless its env var names another: change them here.
 * Checked against the providers' model lists on 2026-11-25.
 */
export const defaultModels: Record<ModelProvider, string> = {
  openai: "gpt-5.4-mini",
  anthropic: "claude-haiku-4-5",
  gemini: "gemini-3.5-flash",
  grok: "grok-4.3",
};

const defaultBaseUrls: Record<ModelProvider, string> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com/v1",
  gemini: "https://generativelanguage.googleapis.com/v1beta",
  grok: "https://api.x.ai/v1",
};

const envPrefixes: Record<ModelProvider, string> = {
  openai: "OPENAI",
  anthropic: "ANTHROPIC",
  gemini: "GEMINI",
  grok: "XAI",
};

/**
 * A provider's model, API key and base URL (any compatible server: a proxy, a local model), from
 * `<PREFIX>_MODEL`, `<PREFIX>_API_KEY` and `<PREFIX>_BASE_URL`. Call it when a function runs, not at
 * import time, so that the env vars are read then.
 */
export function modelSettings(provider: ModelProvider): { model: string; apiKey?: string; baseUrl: string } {
  const prefix = envPrefixes[provider];
  // `||`, not `??`: a variable copied empty from .env.example means "use the default".
  return {
    model: process.env[`${prefix}_MODEL`] || defaultModels[provider],
    apiKey: process.env[`${prefix}_API_KEY`],
    baseUrl: process.env[`${prefix}_BASE_URL`] || defaultBaseUrls[provider],
  };
}
