// Test helpers: a fake model server and a tiny stand-in for the Inngest executor, so that tests
// run offline. Point a model at the server with its base-URL env var, e.g. OPENAI_BASE_URL.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { inngest } from "./client";

/** One scripted answer: plain text, or a call of the named tool with this input. */
export type FakeReply = string | { tool: string; input: Record<string, unknown> };

export interface FakeModelRequest {
  path: string;
  /** The query string, e.g. `?key=...` for Gemini. */
  search: string;
  headers: IncomingHttpHeaders;
  body: FakeModelRequestBody;
}

/** The parts of a chat request the tests read: the conversation so far and the tools offered. */
export interface FakeModelRequestBody {
  messages?: { role: string; content: unknown }[];
  tools?: { function: { name: string; parameters: { required?: string[] } } }[];
  [field: string]: unknown;
}

/** An op as the serve endpoint answers it: a step to run, or one it ran. */
interface AnsweredOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  opts?: Record<string, unknown>;
}

export interface FakeModels {
  /** The base URL to give a model: it serves OpenAI, Anthropic and Gemini paths under it. */
  url: string;
  /** Every request received, in order. */
  requests: FakeModelRequest[];
  close(): Promise<void>;
}

/** Answers each model call with the next reply of `script`, in the wire format of the caller. */
export async function startFakeModels(script: FakeReply[]): Promise<FakeModels> {
  const replies = [...script];
  const requests: FakeModelRequest[] = [];
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const { pathname: path, search } = new URL(req.url ?? "/", "http://x");
    requests.push({ path, search, headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
    const reply = replies.shift();
    if (reply === undefined) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "script exhausted" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(toWireFormat(path, reply)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function toWireFormat(path: string, reply: FakeReply) {
  const id = `fake-${Math.random().toString(36).slice(2, 10)}`;
  if (path.endsWith("/messages")) {
    const content =
      typeof reply === "string"
        ? [{ type: "text", text: reply }]
        : [{ type: "tool_use", id, name: reply.tool, input: reply.input }];
    const stop_reason = typeof reply === "string" ? "end_turn" : "tool_use";
    return {
      id,
      type: "message",
      role: "assistant",
      model: "fake",
      content,
      stop_reason,
      usage: { input_tokens: 1, output_tokens: 1 },
    };
  }
  if (path.includes(":generateContent")) {
    const parts =
      typeof reply === "string" ? [{ text: reply }] : [{ functionCall: { name: reply.tool, args: reply.input } }];
    return { candidates: [{ content: { role: "model", parts }, finishReason: "STOP" }] };
  }
  const message =
    typeof reply === "string"
      ? { role: "assistant", content: reply }
      : {
          role: "assistant",
          content: null,
          tool_calls: [
            { id, type: "function", function: { name: reply.tool, arguments: JSON.stringify(reply.input) } },
          ],
        };
  const finish_reason = typeof reply === "string" ? "stop" : "tool_calls";
  return {
    id,
    object: "chat.completion",
    created: 0,
    model: "fake",
    choices: [{ index: 0, message, finish_reason }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

export interface ExecutedOp {
  op: string;
  name: string;
  data?: unknown;
}

/**
 * Runs a function to completion through its serve endpoint (see `startTestEndpoint`), doing what
 * the Inngest executor does: runs planned steps one by one, makes the HTTP call of each
 * `step.ai.infer` (op `AIGateway`, which the SDK leaves to Inngest), runs each `step.invoke`d
 * function on the same endpoint, and sends the results back.
 */
export async function runToCompletion(
  endpointUrl: string,
  functionId: string,
  event: { name: string; data?: Record<string, unknown> },
): Promise<{ status: number; result: unknown; ops: ExecutedOp[] }> {
  const steps: Record<string, { data: unknown }> = {};
  const ops: ExecutedOp[] = [];
  const call = async (stepId: string) => {
    const query = new URLSearchParams({ fnId: `${inngest.id}-${functionId}`, stepId });
    const response = await fetch(`${endpointUrl}?${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event, events: [event], steps, ctx: { run_id: "test-run", attempt: 0 } }),
    });
    // 206 answers a list of ops; any other status, the run's result or error.
    return { status: response.status, body: (await response.json()) as unknown };
  };

  for (let round = 0; round < 100; round++) {
    const { status, body } = await call("step");
    if (status !== 206) return { status, result: body, ops };
    for (const op of body as AnsweredOp[]) {
      let executed = op;
      if (op.op === "StepPlanned") {
        const answered = (await call(op.id)).body as AnsweredOp[];
        executed = answered.find((o) => o.id === op.id) ?? answered[0]!;
      }
      if (executed.op === "AIGateway") {
        executed = { ...executed, data: await callModel(executed.opts as unknown as ModelCall) };
      }
      if (executed.op === "InvokeFunction") {
        const invokedId = String(executed.opts?.function_id).slice(inngest.id.length + 1);
        const payload = executed.opts?.payload as { data?: Record<string, unknown> } | undefined;
        const invoked = await runToCompletion(endpointUrl, invokedId, {
          name: "inngest/function.invoked",
          data: payload?.data,
        });
        if (invoked.status !== 200) throw new Error(`${invokedId} failed: ${JSON.stringify(invoked.result)}`);
        ops.push(...invoked.ops);
        executed = { ...executed, data: invoked.result };
      }
      ops.push({ op: executed.op, name: executed.displayName ?? executed.name ?? executed.id, data: executed.data });
      steps[executed.id] = { data: executed.data };
    }
  }
  throw new Error(`${functionId} did not finish in 100 rounds`);
}

/** What Inngest is asked to call for a `step.ai.infer` (op `AIGateway`). */
interface ModelCall {
  url: string;
  auth_key?: string;
  format: string;
  headers?: Record<string, string>;
  body: unknown;
}

async function callModel(opts: ModelCall) {
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  if (opts.format === "anthropic") headers["x-api-key"] = opts.auth_key ?? "";
  else if (opts.format !== "gemini") headers.authorization = `Bearer ${opts.auth_key ?? ""}`;
  const response = await fetch(opts.url, { method: "POST", headers, body: JSON.stringify(opts.body) });
  return response.json();
}
