import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { EvaluationError, parse as parseCel } from "@marcbachmann/cel-js";
import type { SyncedFunction } from "../../starters/base/src/inngest/testing.js";
import type { EndpointClient } from "../helpers/inngest.js";

// Drives one run of a function over an app's real endpoint the way the Inngest executor does: it
// sends the execution request, memoises each step's result, retries a failed attempt with the next
// attempt number, hands a step that used all its attempts back as failed, runs invoked functions,
// and, when the run fails for good, runs the function's `-failure` handler. It stops at the first
// sleep or wait, which only time or another event would resume.

export interface TriedEvent {
  name: string;
  data: Record<string, unknown>;
}

/** A step op of a 206 answer, as the SDK reports it. */
interface StepOp {
  op: string;
  id: string;
  name?: string;
  data?: unknown;
  error?: { name?: string; message: string };
  opts?: Record<string, unknown>;
  userland?: { id: string; index?: number };
}

/** What a run did, from the executor's side. */
export interface RunOutcome {
  /** "completed" (200 with the return value), "failed" (no attempts left) or "waiting" (a sleep or wait). */
  status: "completed" | "failed" | "waiting";
  result?: unknown;
  /** The status of the last answer: 200 when completed, 206 when waiting, the error's otherwise. */
  lastStatus: number;
  /** Steps in the order they ran and succeeded. */
  ranSteps: string[];
  /** Per step (or "function" for an error outside any step), how many of its attempts failed. */
  failedAttempts: Record<string, number>;
  /** Steps that used all their attempts, so the handler saw them fail. */
  failedSteps: string[];
  /** Per step, the `retry-after` header its failed attempt answered with. */
  retryAfter: Record<string, string>;
  /** The op the run waits on, when waiting: `Sleep` or `WaitForEvent`, and its step. */
  waitingOn?: { op: string; step: string };
  /** The run of `<function>-failure` that Inngest starts once the run has failed. */
  failureHandler?: RunOutcome;
}

const REQUEST_LIMIT = 60;
const DEFAULT_RETRIES = 3;

/** The step id a memoised result is keyed by (before hashing): the id, `:<n>` for its n-th repeat. */
function stepKey(op: StepOp): string {
  const id = op.userland?.id ?? op.name ?? op.id;
  const index = op.userland?.index ?? 0;
  return index > 0 ? `${id}:${index}` : id;
}

/** How many attempts Inngest gives each step of `functionId`: its retries plus the first. */
function maxAttemptsOf(functions: SyncedFunction[], appId: string, functionId: string): number {
  const synced = functions.find((fn) => fn.id === `${appId}-${functionId}`);
  const steps = synced?.steps as Record<string, { retries?: { attempts?: number } }> | undefined;
  const retries = Object.values(steps ?? {})[0]?.retries?.attempts ?? DEFAULT_RETRIES;
  return retries + 1;
}

export async function runLikeInngest(
  endpoint: EndpointClient,
  appId: string,
  functionId: string,
  event: TriedEvent,
  functions?: SyncedFunction[],
): Promise<RunOutcome> {
  const synced = functions ?? (await endpoint.syncInBand()).body.functions;
  const maxAttempts = maxAttemptsOf(synced, appId, functionId);
  const outcome: RunOutcome = {
    status: "waiting",
    lastStatus: 0,
    ranSteps: [],
    failedAttempts: {},
    failedSteps: [],
    retryAfter: {},
  };
  const steps: Record<string, unknown> = {};
  const failedSteps: Record<string, { name?: string; message: string }> = {};
  let attempt = 0;

  const failAttempt = (step: string, retryAfter: string | null) => {
    outcome.failedAttempts[step] = (outcome.failedAttempts[step] ?? 0) + 1;
    if (retryAfter !== null) outcome.retryAfter[step] = retryAfter;
  };

  for (let request = 0; request < REQUEST_LIMIT; request++) {
    const answer = await endpoint.executeWithHeaders(functionId, {
      events: [event],
      steps,
      failedSteps,
      attempt,
      maxAttempts,
    });
    outcome.lastStatus = answer.status;
    if (answer.status === 200) {
      return { ...outcome, status: "completed", result: answer.body };
    }
    const noRetry = answer.headers.get("x-inngest-no-retry") === "true";
    const retryAfter = answer.headers.get("retry-after");
    if (answer.status !== 206) {
      // The handler threw outside any step (or rethrew a failed step's error).
      failAttempt("function", retryAfter);
      if (noRetry || attempt + 1 >= maxAttempts) return failRun(outcome);
      attempt++;
      continue;
    }
    for (const op of answer.body as StepOp[]) {
      const step = stepKey(op);
      switch (op.op) {
        case "StepRun":
          steps[step] = op.data ?? null;
          outcome.ranSteps.push(step);
          attempt = 0;
          break;
        case "StepError":
          if (noRetry)
            throw new Error(`${functionId}: ${step} failed an attempt, to be retried, with x-inngest-no-retry`);
          failAttempt(step, retryAfter);
          attempt++;
          break;
        case "StepFailed":
          if (!noRetry) throw new Error(`${functionId}: ${step} used its last attempt without x-inngest-no-retry`);
          failAttempt(step, retryAfter);
          failedSteps[step] = op.error ?? { message: "failed" };
          outcome.failedSteps.push(step);
          attempt = 0;
          break;
        case "InvokeFunction": {
          steps[step] = await invokeLikeInngest(endpoint, appId, op, synced);
          outcome.ranSteps.push(step);
          attempt = 0;
          break;
        }
        case "Sleep":
        case "WaitForEvent":
          return { ...outcome, status: "waiting", waitingOn: { op: op.op, step } };
        default:
          throw new Error(`${functionId}: the executor stand-in cannot handle a ${op.op} op (${step})`);
      }
    }
  }
  throw new Error(`${functionId}: no end after ${REQUEST_LIMIT} requests`);

  async function failRun(failed: RunOutcome): Promise<RunOutcome> {
    const handlerId = `${functionId}-failure`;
    if (!synced.some((fn) => fn.id === `${appId}-${handlerId}`)) return { ...failed, status: "failed" };
    const functionFailed = {
      name: "inngest/function.failed",
      data: {
        function_id: `${appId}-${functionId}`,
        run_id: "test-run",
        error: Object.values(failedSteps).at(-1) ?? { name: "Error", message: "failed" },
        event,
      },
    };
    const failureHandler = await runLikeInngest(endpoint, appId, handlerId, functionFailed, synced);
    return { ...failed, status: "failed", failureHandler };
  }
}

/** Runs the function an `InvokeFunction` op asks for, with its payload, and gives back its result. */
async function invokeLikeInngest(
  endpoint: EndpointClient,
  appId: string,
  op: StepOp,
  functions: SyncedFunction[],
): Promise<unknown> {
  const fullId = String(op.opts?.function_id);
  const payload = (op.opts?.payload ?? {}) as { data?: Record<string, unknown> };
  const invoked = await runLikeInngest(
    endpoint,
    appId,
    fullId.slice(`${appId}-`.length),
    { name: "inngest/function.invoked", data: payload.data ?? {} },
    functions,
  );
  if (invoked.status !== "completed") throw new Error(`invoked ${fullId} did not complete: ${invoked.status}`);
  return invoked.result;
}

/**
 * A loopback stand-in for the Inngest event API that `step.sendEvent` and `inngest.send` post to:
 * it accepts every event and keeps them. Point the app at it with `INNGEST_DEV=<url>`.
 */
export async function startEventApi(): Promise<{ url: string; received: TriedEvent[]; close(): Promise<void> }> {
  const received: TriedEvent[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const sent = [JSON.parse(body || "[]")].flat() as TriedEvent[];
      received.push(...sent);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ids: sent.map((_, i) => `evt_${received.length + i}`), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Whether a CEL condition as the endpoint syncs it holds: a trigger's `if` (with `event`, the event
 * sent), or a `cancelOn` / `waitForEvent` one (with `event`, the event that started the run, and
 * `async`, the incoming one), evaluated by a CEL implementation with the events' JSON as Inngest
 * binds it. As in Inngest, a condition that fails to evaluate (a field the event lacks, types that do
 * not compare) matches nothing; one that does not parse, or is not a boolean, is the sample's bug.
 */
export function conditionHolds(expression: string, scope: { event: TriedEvent; async?: TriedEvent }): boolean {
  const condition = parseCel(expression);
  let value: unknown;
  try {
    value = condition(scope.async ? { event: scope.event, async: scope.async } : { event: scope.event });
  } catch (error) {
    if (error instanceof EvaluationError) return false;
    throw error;
  }
  if (typeof value !== "boolean") throw new Error(`"${expression}" is a ${typeof value}, not a condition`);
  return value;
}

/** The synced `cancelOn` entries by which `incoming` cancels a run that `started` began. */
export function cancelledBy(
  cancelOn: { event: string; if?: string }[],
  started: TriedEvent,
  incoming: TriedEvent,
): { event: string; if?: string }[] {
  return cancelOn.filter(
    (entry) =>
      entry.event === incoming.name &&
      (entry.if === undefined || conditionHolds(entry.if, { event: started, async: incoming })),
  );
}
