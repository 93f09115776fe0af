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

export interface TestEndpoint {
  url: string;
  /** The in-band sync: every function's configuration, exactly as Inngest would register it. */
  sync(): Promise<SyncedFunction[]>;
  /**
   * One execution request, as the Inngest Dev Server sends it. `steps` holds the results of the
   * steps that already ran, by step id. Answers 206 with the next step to run, or 200 when done.
   */
  execute(
    functionId: string,
    input: { events: { name: string; data?: Record<string, unknown> }[]; steps?: Record<string, unknown> },
  ): Promise<{ status: number; body: any }>;
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
    async execute(functionId, { events, steps = {} }) {
      const memoised = Object.fromEntries(
        Object.entries(steps).map(([id, data]) => [createHash("sha1").update(id).digest("hex"), { data }]),
      );
      const query = new URLSearchParams({ fnId: `${inngest.id}-${functionId}`, stepId: "step" });
      const response = await fetch(`${url}?${query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          event: events[0],
          events,
          steps: memoised,
          ctx: { run_id: "test-run", attempt: 0 },
        }),
      });
      return { status: response.status, body: await response.json() };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
