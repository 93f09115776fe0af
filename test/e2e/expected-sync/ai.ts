// The sync configuration of the AI features' functions (ai-infer, agent-network, agent-tools,
// model-providers, routing-agent), as a generated app reports it over an in-band sync.
export const expected: Record<string, Record<string, unknown>> = {
  "research-topic": { name: "research-topic", triggers: [{ event: "app/research.requested" }] },
  "research-site": { name: "research-site", triggers: [{ event: "app/page.summary-requested" }] },
  "answer-support-question": { name: "answer-support-question", triggers: [{ event: "app/support.question-asked" }] },
  // Triggered only by step.invoke from the agent's tool: no triggers are registered.
  "look-up-order": { name: "look-up-order", triggers: [] },
  "answer-question": { name: "answer-question", triggers: [{ event: "app/question.asked" }] },
  "triage-ticket": { name: "triage-ticket", triggers: [{ event: "app/ticket.created" }] },
};
