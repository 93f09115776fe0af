// The sync configuration of the AI features' functions (ai-infer, agent-network, agent-tools,
// model-providers, routing-agent), as a generated app reports it over an in-band sync.
export const expected: Record<string, Record<string, unknown>> = {
  "ai-infer-research": { name: "ai-infer-research", triggers: [{ event: "app/ai-infer.research-requested" }] },
  "agent-network-research": { name: "agent-network-research", triggers: [{ event: "app/agent-network.requested" }] },
  "agent-tools-support": { name: "agent-tools-support", triggers: [{ event: "app/agent-tools.question-asked" }] },
  // Triggered only by step.invoke from the agent's tool: no triggers are registered.
  "agent-tools-look-up-order": { name: "agent-tools-look-up-order", triggers: [] },
  "model-providers-ask": { name: "model-providers-ask", triggers: [{ event: "app/model-providers.question-asked" }] },
  "routing-agent-triage": { name: "routing-agent-triage", triggers: [{ event: "app/routing-agent.ticket-received" }] },
};
