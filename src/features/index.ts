import { actionsMiddleware } from "./actions-middleware.js";
import { agentNetwork } from "./agent-network.js";
import { agentTools } from "./agent-tools.js";
import { aiInfer } from "./ai-infer.js";
import { batching } from "./batching.js";
import { cancelOn } from "./cancel-on.js";
import { concurrency } from "./concurrency.js";
import { conditionalTrigger } from "./conditional-trigger.js";
import { cron } from "./cron.js";
import { debounce } from "./debounce.js";
import { dependencyInjection } from "./dependency-injection.js";
import { envTriggers } from "./env-triggers.js";
import { eventBasic } from "./event-basic.js";
import { fanOut } from "./fan-out.js";
import { type Feature, type FeatureGroup, featureGroups } from "./feature.js";
import { idempotency } from "./idempotency.js";
import { invokeFunctions } from "./invoke.js";
import { loggingMiddleware } from "./logging-middleware.js";
import { middlewareOrder } from "./middleware-order.js";
import { modelProviders } from "./model-providers.js";
import { multipleTriggers } from "./multiple-triggers.js";
import { onFailure } from "./on-failure.js";
import { priority } from "./priority.js";
import { rateLimit } from "./rate-limit.js";
import { retries } from "./retries.js";
import { retryAfter } from "./retry-after.js";
import { routingAgent } from "./routing-agent.js";
import { sleep } from "./sleep.js";
import { stepRecovery } from "./step-recovery.js";
import { stepRun } from "./step-run.js";
import { throttle } from "./throttle.js";
import { typedContext } from "./typed-context.js";
import { typedEvents } from "./typed-events.js";
import { waitForEvent } from "./wait-for-event.js";

export type { EnvVar, ExportRef, Feature, FeatureGroup } from "./feature.js";
export { featureGroups } from "./feature.js";

/** The catalogue, in the order `--list` and the prompt show it within each group. */
export const features: readonly Feature[] = [
  // Triggers
  eventBasic,
  cron,
  multipleTriggers,
  conditionalTrigger,
  envTriggers,
  typedEvents,
  // Steps
  stepRun,
  sleep,
  waitForEvent,
  fanOut,
  invokeFunctions,
  // Errors
  retries,
  retryAfter,
  onFailure,
  stepRecovery,
  cancelOn,
  // Flow control
  concurrency,
  rateLimit,
  throttle,
  batching,
  idempotency,
  priority,
  debounce,
  // AI
  aiInfer,
  agentNetwork,
  agentTools,
  modelProviders,
  routingAgent,
  // Middleware
  loggingMiddleware,
  dependencyInjection,
  actionsMiddleware,
  middlewareOrder,
  typedContext,
];

export const defaultFeatureIds: readonly string[] = [eventBasic.id];

export function findFeature(id: string): Feature | undefined {
  return features.find((feature) => feature.id === id);
}

/** What names the whole catalogue on the command line. */
export const ALL_FEATURES = "all";

/** A group as the command line names it: "flow-control" for "Flow control". */
export function groupId(group: FeatureGroup): string {
  return group.toLowerCase().replace(/\s+/g, "-");
}

/** The features an id names: one feature, a whole group (`flow-control`) or `all`; undefined for none. */
export function featuresNamed(id: string): readonly Feature[] | undefined {
  if (id === ALL_FEATURES) return features;
  const feature = findFeature(id);
  if (feature) return [feature];
  const group = featureGroups.find((candidate) => groupId(candidate) === id);
  return group && features.filter((candidate) => candidate.group === group);
}
