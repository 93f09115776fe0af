import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { inngest } from "./client";

/** What the Inngest endpoint reports about one function when it syncs. */
export interface SyncedFunction {
  id: string;
  name: string;
  triggers: Record<string, unknown>[];
  [option: string]: unknown;
}

export interface ExecuteInput {
  events: { name: string; data?: Record<string, unknown> }[];
  /** Results of the steps that already ran, by step id. */
  steps?: Record<string, unknown>;
  /** Steps that used all their attempts, by step id, with the error each threw. */
  failedSteps?: Record<string, { name?: string; message: string }>;
  /** Which attempt this is, from 0, and how many the function has (its retries + 1). */
  attempt?: number;
  maxAttempts?: number;
}

export interface TestEndpoint {
  url: string;
  /** The in-band sync: every function's configuration, exactly as Inngest would register it. */
  sync(): Promise<SyncedFunction[]>;
  /**
   * One execution request, as the Inngest Dev Server sends it. Answers 206 with the next step to
   * run, 200 with the return value when done, and headers such as `x-inngest-no-retry`.
   */
  execute(functionId: string, input: ExecuteInput): Promise<{ status: number; body: unknown }>;
  /** The same, with the answer's headers (`x-inngest-no-retry`, `retry-after`). */
  executeWithHeaders(
    functionId: string,
    input: ExecuteInput,
  ): Promise<{ status: number; headers: Headers; body: unknown }>;
  close(): Promise<void>;
}

/**
 * Serves `functions` on 127.0.0.1 the way the app does, for tests of what `@inngest/test` cannot
 * reach: triggers with `if`, flow control, `onFailure`, middleware. Needs INNGEST_DEV=1 (set in
 * vitest.config.ts) so that requests need no signing key.
 */
export async function startTestEndpoint(functions: InngestFunction.Any[]): Promise<TestEndpoint> {
  const server = createServer(serve({ client: inngest, functions }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;

  const executeWithHeaders: TestEndpoint["executeWithHeaders"] = async (functionId, input) => {
    const { events, steps = {}, failedSteps = {}, attempt = 0, maxAttempts } = input;
    const hash = (id: string) => createHash("sha1").update(id).digest("hex");
    const memoised = {
      ...Object.fromEntries(Object.entries(steps).map(([id, data]) => [hash(id), { data }])),
      ...Object.fromEntries(
        Object.entries(failedSteps).map(([id, error]) => [hash(id), { error: { name: "Error", ...error } }]),
      ),
    };
    const query = new URLSearchParams({ fnId: `${inngest.id}-${functionId}`, stepId: "step" });
    const response = await fetch(`${url}?${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        event: events[0],
        events,
        steps: memoised,
        ctx: { run_id: "test-run", attempt, ...(maxAttempts === undefined ? {} : { max_attempts: maxAttempts }) },
      }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };

  return {
    url,
    async sync() {
      const response = await fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" },
        body: JSON.stringify({ url }),
      });
      const body = (await response.json()) as { functions: SyncedFunction[] };
      return body.functions;
    },
    executeWithHeaders,
    async execute(functionId, input) {
      const { status, body } = await executeWithHeaders(functionId, input);
      return { status, body };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
