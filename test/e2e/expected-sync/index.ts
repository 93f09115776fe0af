import { expected as ai } from "./ai.js";
import { expected as errorsAndFlowControl, tryItFailures } from "./errors-and-flow-control.js";
import { expected as eventBasic, runs as eventBasicRuns } from "./event-basic.js";
import { expected as middleware } from "./middleware.js";
import type { ExpectedRuns, ExpectedTryItFailures } from "./runs.js";
import { expected as triggersAndSteps, runs as triggersAndStepsRuns } from "./triggers-and-steps.js";

/** What the in-band sync must report for every function of the whole catalogue. */
export const expectedCatalogueSync: Record<string, Record<string, unknown>> = {
  ...eventBasic,
  ...triggersAndSteps,
  ...errorsAndFlowControl,
  ...ai,
  ...middleware,
};

/** The functions of the AI and Middleware groups alone. */
export const expectedAiAndMiddlewareSync: Record<string, Record<string, unknown>> = { ...ai, ...middleware };

/** The runs the app harness makes for each feature that has some, by feature id. */
export const expectedRuns: ExpectedRuns = { ...eventBasicRuns, ...triggersAndStepsRuns };

/** What each Try-it failure payload must show, by function id. */
export const expectedTryItFailures: ExpectedTryItFailures = tryItFailures;
