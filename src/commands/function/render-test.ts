import { arr, type Code, type Entries, layout, obj, objectLiteral, quote, slugOf } from "./code.js";
import { type RenderTarget, sampleData } from "./render.js";
import { builtInStepIds, type FunctionSpec } from "./spec.js";

// FunctionSpec -> the function's test: @inngest/test for the handler, the app's test endpoint for
// what @inngest/test does not apply (the registered configuration, `if`, flow control, onFailure).

/** What the in-band sync reports for the function: only the fields the spec sets. */
export function syncExpectation(spec: FunctionSpec): Record<string, unknown> {
  const expected: Record<string, unknown> = {
    triggers: [
      ...spec.events.map((event) => (spec.condition ? { event, expression: spec.condition } : { event })),
      ...spec.crons.map((cron) => ({ cron })),
    ],
  };
  if (spec.retries !== undefined) expected.steps = { step: { retries: { attempts: spec.retries } } };
  if (spec.concurrency.length > 0) {
    const [first] = spec.concurrency;
    expected.concurrency =
      spec.concurrency.length === 1 && first!.key === undefined && first!.scope === undefined
        ? first!.limit
        : spec.concurrency.length === 1
          ? first
          : spec.concurrency;
  }
  if (spec.throttle) expected.throttle = spec.throttle;
  if (spec.rateLimit) expected.rateLimit = spec.rateLimit;
  if (spec.debounce) expected.debounce = spec.debounce;
  if (spec.batch) expected.batchEvents = spec.batch;
  if (spec.priority !== undefined) expected.priority = { run: spec.priority };
  if (spec.idempotency !== undefined) expected.idempotency = spec.idempotency;
  if (spec.cancelOn.length > 0)
    expected.cancel = spec.cancelOn.map(({ event, match, if: condition, timeout }) => ({
      event,
      ...(match !== undefined && { if: `event.${match} == async.${match}` }),
      ...(condition !== undefined && { if: condition }),
      ...(timeout !== undefined && { timeout }),
    }));
  if (spec.timeouts) expected.timeouts = spec.timeouts;
  if (spec.singleton) expected.singleton = spec.singleton;
  return expected;
}

/** A JSON-like value as TypeScript code. */
export function valueCode(value: unknown): Code {
  if (Array.isArray(value)) return arr(value.map(valueCode));
  if (typeof value === "object" && value !== null)
    return obj(
      Object.entries(value).map(([key, item]) => [
        /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key),
        valueCode(item),
      ]),
    );
  return typeof value === "string" ? quote(value) : String(value);
}

export function renderTest(spec: FunctionSpec, target: RenderTarget): string {
  const fn = spec.exportName;
  const typed = target.triggerEvent;
  const imports = ['import { InngestTestEngine } from "@inngest/test";'];
  imports.push('import { afterAll, beforeAll, describe, expect, it } from "vitest";');
  if (typed) imports.push(`import { ${typed.exportName} } from ${quote(target.events)};`);
  imports.push(`import { startTestEndpoint, type TestEndpoint } from ${quote(target.testing)};`);
  imports.push(`import { ${fn} } from ${quote(target.self)};`);

  const eventLine = typed
    ? `const event = ${typed.exportName}.create(${sampleData(typed.fields.filter((field) => !field.optional))});`
    : spec.events.length > 0
      ? `const event = { name: ${quote(spec.events[0]!)}, data: {} };`
      : `const event = { name: "inngest/scheduled.timer", data: { cron: ${quote(spec.crons[0]!)} } };`;

  const lines = [...imports, "", eventLine, "", `describe(${quote(spec.id)}, () => {`];
  lines.push(...handlerTest(spec));
  const required = typed?.fields.filter((field) => !field.optional) ?? [];
  if (typed && required.length > 0) {
    lines.push(
      "",
      `  it("refuses an event whose data does not match its schema", async () => {`,
      `    const engine = new InngestTestEngine({ function: ${fn} });`,
      `    const { error } = await engine.execute({ events: [{ name: ${quote(spec.events[0]!)}, data: {} }] });`,
      `    expect(error).toMatchObject({ name: "EventValidationError" });`,
      "  });",
    );
  }

  lines.push(
    "",
    "  // @inngest/test applies neither triggers nor flow control: check what Inngest registers.",
    `  describe("over HTTP", () => {`,
    "    let endpoint: TestEndpoint;",
    "    beforeAll(async () => {",
    `      endpoint = await startTestEndpoint([${fn}]);`,
    "    });",
    "    afterAll(() => endpoint.close());",
    "",
    `    it("registers the configuration it declares", async () => {`,
    `      const registered = (await endpoint.sync()).find((synced) => synced.id.endsWith(${quote(`-${spec.id}`)}));`,
    `      ${layout(valueCode(syncExpectation(spec)), "      ", "expect(registered).toMatchObject(", ");")}`,
    "    });",
  );
  if (spec.onFailure) {
    lines.push(
      "",
      `    it("hands a run that used every attempt to its onFailure handler", async () => {`,
      `      const failed = { name: "inngest/function.failed", data: { event, error: { name: "Error", message: "boom" } } };`,
      `      const response = await endpoint.execute(${quote(`${spec.id}-failure`)}, { events: [failed] });`,
      "      expect(response.status).toBe(206);",
      `      expect(response.body).toContainEqual(expect.objectContaining({ op: "StepRun", name: "report-failure" }));`,
      "    });",
    );
  }
  lines.push("  });", "});", "");
  return lines.join("\n");
}

function handlerTest(spec: FunctionSpec): string[] {
  const mocks = builtInStepIds(spec)
    .filter((id) => !id.startsWith("wait-for-"))
    .map((id) =>
      obj([
        ["id", quote(id)],
        ["handler", mockResult(spec, id)],
      ]),
    );
  // A mocked waitForEvent fails in @inngest/test 1.0: stop at the last step before it instead.
  const stopAt = spec.waitFor ? spec.steps[spec.steps.length - 1] : undefined;
  const engineArgs: Entries = [["function", spec.exportName]];
  if (mocks.length > 0 && !stopAt) engineArgs.push(["steps", arr(mocks)]);
  const events = spec.batch ? "[event, event]" : "[event]";
  const order = spec.steps.length === 1 ? `runs ${spec.steps[0]}` : `runs ${spec.steps.join(", then ")}`;
  return [
    `  it(${quote(order)}, async () => {`,
    `    ${objectLiteral(engineArgs, "    ", "const engine = new InngestTestEngine(", ");")}`,
    stopAt
      ? `    const { error, ctx } = await engine.executeStep(${quote(stopAt)}, { events: ${events} });`
      : `    const { ${spec.ai ? "result, " : ""}error, ctx } = await engine.execute({ events: ${events} });`,
    "    expect(error).toBeUndefined();",
    ...(spec.ai && !stopAt ? ['    expect(result).toEqual({ summary: "A summary." });'] : []),
    ...spec.steps.map(
      (step, index) =>
        `    expect(ctx.step.run).toHaveBeenNthCalledWith(${index + 1}, ${quote(step)}, expect.any(Function));`,
    ),
    "  });",
  ];
}

function mockResult(spec: FunctionSpec, id: string): string {
  if (id.startsWith("ask-")) {
    if (spec.ai?.provider === "anthropic") return '() => ({ content: [{ type: "text", text: "A summary." }] })';
    if (spec.ai?.provider === "gemini")
      return '() => ({ candidates: [{ content: { parts: [{ text: "A summary." }] } }] })';
    return '() => ({ choices: [{ message: { content: "A summary." } }] })';
  }
  if (id.startsWith("send-")) return `() => ({ ids: [${quote(`${slugOf(id)}-1`)}] })`;
  if (id.startsWith("invoke-")) return "() => ({})";
  return "() => undefined";
}
