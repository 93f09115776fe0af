/**
 * A run the generic app harness makes against a generated app's dev server, for a feature that has
 * one: the event it sends to a function, then each execution request in turn (the step results the
 * Dev Server would send back) with the answer it must get.
 */
export interface ExpectedRun {
  title: string;
  /** The function id without the `<appId>-` prefix. */
  functionId: string;
  event: { name: string; data: Record<string, unknown> };
  requests: {
    /** Results of the steps that already ran, by step id. */
    steps?: Record<string, unknown>;
    status: number;
    /** The whole answer (`toEqual`, matchers allowed)... */
    body?: unknown;
    /** ...or text its JSON must hold. */
    bodyContains?: string;
  }[];
}

/** Each feature's runs, by feature id. */
export type ExpectedRuns = Record<string, ExpectedRun[]>;

/**
 * What each Try-it failure payload must show when the harness drives its run over the endpoint
 * (`runLikeInngest` in ../runs.ts), by function id: the promise of its `shows` text, as fields of
 * the run's outcome (`toMatchObject`).
 */
export type ExpectedTryItFailures = Record<string, Record<string, unknown>>;
