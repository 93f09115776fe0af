import type { Feature } from "./feature.js";

export const dependencyInjection: Feature = {
  id: "dependency-injection",
  label: "Dependency injection",
  group: "Middleware",
  description:
    "A function-level middleware injects an OpenAI-shaped client into the handler's context, fully typed; function-level so only the functions that list it receive it",
  files: [
    "dependency-injection-summarize.ts",
    "dependency-injection-summarize.test.ts",
    "dependency-injection-try-it.json",
  ],
  supportFiles: ["ai-models.ts"],
  middlewareFiles: ["dependency-injection-middleware.ts"],
  functions: [{ exportName: "summarizeTicket", file: "dependency-injection-summarize.ts" }],
  events: ["ticketCreated"],
};
