import { conditionalTrigger } from "./conditional-trigger.js";
import { cron } from "./cron.js";
import { envTriggers } from "./env-triggers.js";
import { eventBasic } from "./event-basic.js";
import type { Feature } from "./feature.js";
import { fanOut } from "./fan-out.js";
import { invokeFunctions } from "./invoke.js";
import { multipleTriggers } from "./multiple-triggers.js";
import { sleep } from "./sleep.js";
import { stepRun } from "./step-run.js";
import { typedEvents } from "./typed-events.js";
import { waitForEvent } from "./wait-for-event.js";

export type { Feature, FeatureGroup } from "./feature.js";
export { featureGroups } from "./feature.js";

export const features: readonly Feature[] = [
  eventBasic,
  cron,
  multipleTriggers,
  conditionalTrigger,
  envTriggers,
  typedEvents,
  stepRun,
  sleep,
  waitForEvent,
  fanOut,
  invokeFunctions,
];

export const defaultFeatureIds: readonly string[] = [eventBasic.id];

export function findFeature(id: string): Feature | undefined {
  return features.find((feature) => feature.id === id);
}
