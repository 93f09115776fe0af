/** For the README of apps that use AgentKit. */
export const agentKitReadmeNote = [
  "AgentKit's own `createServer` (from `@inngest/agent-kit/server`) throws at start-up with `inngest` v4.",
  "The agents and networks here run inside ordinary Inngest functions instead: each calls",
  "`network.run(...)` (or `agent.run(...)`) in a function registered with this app's serve handler at",
  "`/api/inngest`, so every model call is a `step.ai.infer` step you can watch in the Dev Server.",
  "AgentKit's type declarations need `skipLibCheck: true`, which `tsconfig.json` sets.",
].join("\n");
