import { batching } from "./batching.js";
import { cancelOn } from "./cancel-on.js";
import { concurrency } from "./concurrency.js";
import { debounce } from "./debounce.js";
import { eventBasic } from "./event-basic.js";
import { idempotency } from "./idempotency.js";
import { onFailure } from "./on-failure.js";
import { priority } from "./priority.js";
import { rateLimit } from "./rate-limit.js";
import { retries } from "./retries.js";
import { retryAfter } from "./retry-after.js";
import { stepRecovery } from "./step-recovery.js";
import { throttle } from "./throttle.js";
import type { Feature } from "./feature.js";

export type { Feature, FeatureGroup } from "./feature.js";
export { featureGroups } from "./feature.js";

export const features: readonly Feature[] = [
  eventBasic,
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
];

export const defaultFeatureIds: readonly string[] = [eventBasic.id];

export function findFeature(id: string): Feature | undefined {
  return features.find((feature) => feature.id === id);
}
