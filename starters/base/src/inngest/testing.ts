import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

/** What the Inngest endpoint answers to an in-band sync: the app and every function's configuration. */
export interface SyncedApp {
  app_id: string;
  framework: string;
  functions: SyncedFunction[];
  [field: string]: unknown;
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

/** Talks to an Inngest endpoint (`.../api/inngest`) over HTTP, the way the Inngest Dev Server does. */
export interface EndpointClient {
  url: string;
  /** GET: the endpoint's mode, its function count and whether it has its keys. */
  inspect(): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The in-band sync: the SDK answers with its whole configuration and sends nothing out. */
  syncInBand(): Promise<{ status: number; body: SyncedApp }>;
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
}

export interface TestEndpoint extends EndpointClient {
  /** The in-band sync: every function's configuration, exactly as Inngest would register it. */
  sync(): Promise<SyncedFunction[]>;
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
  const client = connectToEndpoint(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`);
  return {
    ...client,
    async sync() {
      return (await client.syncInBand()).body.functions;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A client of the Inngest endpoint at `url`, served by any app or server; `appId` is the app's
 * Inngest id, which prefixes its function ids (this app's by default).
 */
export function connectToEndpoint(url: string, appId: string = inngest.id): EndpointClient {
  const executeWithHeaders: EndpointClient["executeWithHeaders"] = async (functionId, input) => {
    const { query, body } = executionRequest(appId, functionId, input);
    const response = await fetch(`${url}?${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await readBody(response) };
  };

  return {
    url,
    async inspect() {
      const response = await fetch(url);
      return { status: response.status, body: (await readBody(response)) as Record<string, unknown> };
    },
    async syncInBand() {
      const response = await fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" },
        body: JSON.stringify({ url }),
      });
      return { status: response.status, body: (await readBody(response)) as SyncedApp };
    },
    executeWithHeaders,
    async execute(functionId, input) {
      const { status, body } = await executeWithHeaders(functionId, input);
      return { status, body };
    },
  };
}

/** The query and JSON body of one execution request of `<appId>-<functionId>`. */
export function executionRequest(appId: string, functionId: string, input: ExecuteInput) {
  const { events, steps = {}, failedSteps = {}, attempt = 0, maxAttempts } = input;
  const memoised = {
    ...Object.fromEntries(Object.entries(steps).map(([id, data]) => [hashStepId(id), { data }])),
    ...Object.fromEntries(
      Object.entries(failedSteps).map(([id, error]) => [hashStepId(id), { error: { name: "Error", ...error } }]),
    ),
  };
  return {
    query: new URLSearchParams({ fnId: `${appId}-${functionId}`, stepId: "step" }),
    body: {
      event: events[0],
      events,
      steps: memoised,
      ctx: {
        run_id: "test-run",
        attempt,
        ...(maxAttempts === undefined ? {} : { max_attempts: maxAttempts }),
      } as Record<string, unknown>,
    },
  };
}

/** How Inngest keys a step's result: the SHA-1 of its id, in hex. */
export function hashStepId(id: string): string {
  return createHash("sha1").update(id).digest("hex");
}

/** The answer's JSON, or its text when it is not JSON (an error page, a proxy's message). */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** An event as the README's "Try it" section gives it. */
export interface TriedEvent {
  name: string;
  data: Record<string, unknown>;
}

/**
 * The README's "Try it" events for a function with a failure path, read from the JSON file beside
 * the test (the file the README is written from); `testFileUrl` is the test's `import.meta.url`.
 */
export function readTryIt(
  testFileUrl: string,
  file: string,
  functionId: string,
): { event: TriedEvent; failure: { event: TriedEvent } } {
  const json = readFileSync(path.join(path.dirname(fileURLToPath(testFileUrl)), file), "utf8");
  const entry = JSON.parse(json)[functionId];
  if (!entry?.failure) throw new Error(`${file} has no failure payload for ${functionId}`);
  return entry;
}
