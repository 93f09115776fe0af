import { agentNetwork } from "./agent-network.js";
import { agentTools } from "./agent-tools.js";
import { aiInfer } from "./ai-infer.js";
import { eventBasic } from "./event-basic.js";
import { modelProviders } from "./model-providers.js";
import { routingAgent } from "./routing-agent.js";
import type { Feature } from "./feature.js";

export type { Feature, FeatureGroup } from "./feature.js";
export { featureGroups } from "./feature.js";

export const features: readonly Feature[] = [eventBasic, aiInfer, agentNetwork, agentTools, modelProviders, routingAgent];

export const defaultFeatureIds: readonly string[] = [eventBasic.id];

export function findFeature(id: string): Feature | undefined {
  return features.find((feature) => feature.id === id);
}
