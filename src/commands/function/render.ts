import {
  arr,
  camelCaseOf,
  type Code,
  type Entries,
  layout,
  literal,
  obj,
  objectLiteral,
  quote,
  slugOf,
} from "./code.js";
import type { DataField, FunctionSpec } from "./spec.js";

// FunctionSpec -> the text of the function, its test and its event declaration. Pure: where the
// files go and how they import each other is decided by the adapter and passed in.

export interface RenderTarget {
  /** Relative import specifiers, as seen from the functions folder, without extensions. */
  client: string;
  clientExport: string;
  events: string;
  testing: string;
  /** The function's own module, as its test imports it (`./sync-contact`). */
  self: string;
  /** The typed event that triggers the function, declared in the events module. */
  triggerEvent?: { exportName: string; fields: DataField[] };
  invoke?: { exportName: string; specifier: string };
}

/**
 * The events module's name for an event: `crm/contact.updated` -> `crmContactUpdated`; the app's own
 * `app/` prefix is dropped, as in the catalogue (`app/user.signed-up` -> `userSignedUp`).
 */
export function eventExportName(eventName: string): string {
  return camelCaseOf(eventName.replace(/^app\//, ""));
}

/** `export const <name> = eventType("<event>", { schema: z.object({...}) });` */
export function renderEventDeclaration(eventName: string, fields: DataField[]): string {
  const zodFields: Entries = fields.map((field) => [field.name, zodType(field)]);
  const head = `export const ${eventExportName(eventName)} = eventType(${quote(eventName)}, `;
  const schema = objectLiteral(zodFields, "  ", "z.object(", ")");
  const oneLine = `${head}{ schema: ${schema} });`;
  if (oneLine.length <= 120 && !oneLine.includes("\n")) return oneLine;
  return `${head}{\n  schema: ${schema},\n});`;
}

function zodType(field: DataField): string {
  const base =
    field.type.kind === "enum" ? `z.enum([${field.type.values.map(quote).join(", ")}])` : `z.${field.type.kind}()`;
  return field.optional ? `${base}.optional()` : base;
}

export function renderFunction(spec: FunctionSpec, target: RenderTarget): string {
  const clientName = target.clientExport === "inngest" ? "inngest" : `${target.clientExport} as inngest`;
  const imports = [`import { ${clientName} } from ${quote(target.client)};`];
  if (target.triggerEvent) imports.push(`import { ${target.triggerEvent.exportName} } from ${quote(target.events)};`);
  if (target.invoke) imports.push(`import { ${target.invoke.exportName} } from ${quote(target.invoke.specifier)};`);

  const lines: string[] = [...imports, ""];
  if (target.triggerEvent) {
    const sample = sampleData(target.triggerEvent.fields.filter((field) => !field.optional));
    lines.push(
      `// Start a run from your app: await inngest.send(${target.triggerEvent.exportName}.create(${sample}));`,
    );
  }
  lines.push(`export const ${spec.exportName} = inngest.createFunction(`, "  {");
  for (const option of functionOptions(spec, target)) lines.push(...option.map((line) => `    ${line}`));
  lines.push("  },");
  lines.push(...handler(spec));
  lines.push(");", "");
  return lines.join("\n");
}

/** Each option as its lines (comment first), relative to the options object's indentation. */
function functionOptions(spec: FunctionSpec, target: RenderTarget): string[][] {
  const indent = "    ";
  const option = (key: string, code: Code, comment?: string): string[] => [
    ...(comment ? [`// ${comment}`] : []),
    layout(code, indent, `${key}: `, ","),
  ];
  const object = (key: string, entries: Entries, comment?: string) => option(key, obj(entries), comment);
  const defined = (entries: [string, string | number | undefined][]): Entries =>
    entries.flatMap(([key, value]) => (value === undefined ? [] : [[key, literal(value)] as [string, string]]));

  const options: string[][] = [option("id", quote(spec.id))];
  const triggers = [
    ...spec.events.map((name) => {
      const typed = target.triggerEvent && spec.events.length === 1 ? target.triggerEvent.exportName : undefined;
      if (spec.condition === undefined) return typed ?? obj([["event", quote(name)]]);
      return obj([
        ["event", typed ?? quote(name)],
        ["if", quote(spec.condition)],
      ]);
    }),
    ...spec.crons.map((cron) => obj([["cron", quote(cron)]])),
  ];
  options.push(option("triggers", arr(triggers)));

  if (spec.retries !== undefined) {
    const attempts = spec.retries + 1;
    options.push(
      option(
        "retries",
        String(spec.retries),
        `${attempts} attempt${attempts === 1 ? "" : "s"} in all; a step that throws is retried with backoff.`,
      ),
    );
  }
  if (spec.concurrency.length > 0) {
    const entries = spec.concurrency.map((entry) =>
      defined([
        ["limit", entry.limit],
        ["key", entry.key],
        ["scope", entry.scope],
      ]),
    );
    const code =
      entries.length === 1 && entries[0]!.length === 1
        ? String(spec.concurrency[0]!.limit)
        : entries.length === 1
          ? obj(entries[0]!)
          : arr(entries.map(obj));
    const shared = spec.concurrency.some((entry) => entry.scope === "env" || entry.scope === "account");
    options.push(
      option(
        "concurrency",
        code,
        shared
          ? "Steps running at once; an env or account scope shares the limit with every function using the same key."
          : "At most this many steps run at once (per key, when one is set).",
      ),
    );
  }
  if (spec.throttle) {
    const { limit, period, burst, key } = spec.throttle;
    options.push(
      object(
        "throttle",
        defined([
          ["limit", limit],
          ["period", period],
          ["burst", burst],
          ["key", key],
        ]),
        `Starts at most ${limit} run${limit === 1 ? "" : "s"} per ${period}${key ? " per key" : ""}; runs over the limit wait in a queue.`,
      ),
    );
  }
  if (spec.rateLimit) {
    const { limit, period, key } = spec.rateLimit;
    options.push(
      object(
        "rateLimit",
        defined([
          ["limit", limit],
          ["period", period],
          ["key", key],
        ]),
        `Starts at most ${limit} run${limit === 1 ? "" : "s"} per ${period}${key ? " per key" : ""}; events over the limit are dropped.`,
      ),
    );
  }
  if (spec.debounce) {
    const { period, key, timeout } = spec.debounce;
    options.push(
      object(
        "debounce",
        defined([
          ["period", period],
          ["key", key],
          ["timeout", timeout],
        ]),
        `Runs once ${period} after the last event${key ? " for the key" : ""}, with that last event.`,
      ),
    );
  }
  if (spec.batch) {
    const { maxSize, timeout, key, if: condition } = spec.batch;
    options.push(
      object(
        "batchEvents",
        defined([
          ["maxSize", maxSize],
          ["timeout", timeout],
          ["key", key],
          ["if", condition],
        ]),
        `One run gets up to ${maxSize} events in \`events\`, or what arrived within ${timeout}.`,
      ),
    );
  }
  if (spec.priority !== undefined)
    options.push(
      object(
        "priority",
        [["run", quote(spec.priority)]],
        "Seconds (-600 to 600) to move a run ahead of (or behind) others in the queue.",
      ),
    );
  if (spec.idempotency !== undefined)
    options.push(
      option(
        "idempotency",
        quote(spec.idempotency),
        "One run per value of this expression in 24h; repeats are skipped.",
      ),
    );
  if (spec.cancelOn.length > 0) {
    const entries = spec.cancelOn.map((cancel) =>
      obj(
        defined([
          ["event", cancel.event],
          ["match", cancel.match],
          ["if", cancel.if],
          ["timeout", cancel.timeout],
        ]),
      ),
    );
    options.push(option("cancelOn", arr(entries), "A run in progress is cancelled when one of these events arrives."));
  }
  if (spec.timeouts) {
    options.push(
      object(
        "timeouts",
        defined([
          ["start", spec.timeouts.start],
          ["finish", spec.timeouts.finish],
        ]),
        "start: longest wait in the queue before a run starts; finish: longest a run may take once started.",
      ),
    );
  }
  if (spec.singleton) {
    options.push(
      object(
        "singleton",
        defined([
          ["key", spec.singleton.key],
          ["mode", spec.singleton.mode],
        ]),
        spec.singleton.mode === "skip"
          ? "One run at a time (per key): a new run is skipped while one is in progress."
          : "One run at a time (per key): a new run cancels the one in progress.",
      ),
    );
  }
  if (spec.onFailure) options.push(onFailure(spec));
  return options;
}

function onFailure(spec: FunctionSpec): string[] {
  return [
    `// Runs once every attempt has failed; event.data.event is the event that started the run.`,
    "onFailure: async ({ event, error, step }) => {",
    `  await step.run("report-failure", async () => {`,
    "    // TODO: alert someone, undo partial work or mark the record as failed.",
    `    console.error(\`${spec.id} failed for \${event.data.event.name}: \${error.message}\`);`,
    "  });",
    "},",
  ];
}

/** The handler, each line at its final indentation (the body at four spaces). */
function handler(spec: FunctionSpec): string[] {
  const I = "    ";
  const body: string[] = [];
  for (const stepId of spec.steps) {
    body.push(
      `${I}await step.run(${quote(stepId)}, async () => {`,
      `${I}  // TODO: ${stepId}. What the step returns is saved: on a retry, finished steps are not run again.`,
      `${I}});`,
    );
  }
  if (spec.ai) body.push(...aiStep(spec.ai, I));
  if (spec.invoke) {
    const entries: Entries = [
      ["function", spec.invoke.exportName],
      ["data", "{}"],
    ];
    if (spec.invoke.timeout) entries.push(["timeout", quote(spec.invoke.timeout)]);
    body.push(
      `${I}// Runs ${spec.invoke.exportName} and waits for its result: put in data what it expects.`,
      `${I}${objectLiteral(entries, I, `await step.invoke(${quote(`invoke-${slugOf(spec.invoke.exportName)}`)}, `, ");")}`,
    );
  }
  if (spec.waitFor) {
    const { event, match, if: condition, timeout } = spec.waitFor;
    const entries: Entries = [["event", quote(event)]];
    if (match) entries.push(["match", quote(match)]);
    if (condition) entries.push(["if", quote(condition)]);
    entries.push(["timeout", quote(timeout)]);
    const variable = camelCaseOf(event.split(/[/.]/).pop() ?? "received");
    body.push(
      `${I}${objectLiteral(entries, I, `const ${variable} = await step.waitForEvent(${quote(`wait-for-${slugOf(event)}`)}, `, ");")}`,
      `${I}// null when no ${event} arrived within ${timeout}.`,
      `${I}if (${variable} === null) return;`,
    );
  }
  if (spec.sleep) body.push(`${I}await step.sleep(${quote(`sleep-${spec.sleep}`)}, ${quote(spec.sleep)});`);
  for (const name of spec.send) {
    body.push(
      `${I}// Fan out: each event sent starts a run of every function triggered by ${name}.`,
      `${I}await step.sendEvent(${quote(`send-${slugOf(name)}`)}, [{ name: ${quote(name)}, data: {} }]);`,
    );
  }
  if (spec.ai) body.push(`${I}return { summary };`);
  const args = spec.ai ? "{ event, step }" : "{ step }";
  return [`  async (${args}) => {`, ...body, "  },"];
}

function aiStep(ai: NonNullable<FunctionSpec["ai"]>, I: string): string[] {
  const { provider, model, params } = ai;
  const number = (name: string) => (typeof params[name] === "number" ? String(params[name]) : undefined);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated code's template literal
  const prompt = "`Summarize this event: ${JSON.stringify(event.data)}`";
  let body: Entries;
  if (provider === "gemini") {
    const config: Entries = [];
    if (number("temperature")) config.push(["temperature", number("temperature")!]);
    if (number("max_tokens")) config.push(["maxOutputTokens", number("max_tokens")!]);
    if (number("top_p")) config.push(["topP", number("top_p")!]);
    body = [["contents", `[{ role: "user", parts: [{ text: ${prompt} }] }]`]];
    if (config.length > 0) body.push(["generationConfig", obj(config)]);
  } else {
    body = [["messages", `[{ role: "user", content: ${prompt} }]`]];
    const maxTokens = number("max_tokens");
    if (maxTokens && provider !== "anthropic") body.push(["max_completion_tokens", maxTokens]);
    if (number("temperature")) body.push(["temperature", number("temperature")!]);
    if (number("top_p")) body.push(["top_p", number("top_p")!]);
  }
  return [
    `${I}// The model call runs as a step: Inngest makes the request, and a retry does not pay for it twice.`,
    `${I}const answer = await step.ai.infer(${quote(`ask-${provider}`)}, {`,
    // Anthropic requires max_tokens on the model.
    `${I}  ${objectLiteral(
      [
        ["model", quote(model)],
        ...(provider === "anthropic"
          ? ([["defaultParameters", `{ max_tokens: ${number("max_tokens") ?? "1024"} }`]] as Entries)
          : []),
      ],
      `${I}  `,
      `model: step.ai.models.${provider}(`,
      "),",
    )}`,
    `${I}  ${objectLiteral(body, `${I}  `, "body: ", ",")}`,
    `${I}});`,
    `${I}${aiAnswer(provider)}`,
  ];
}

/** The answer's text, where the provider's response holds it. */
function aiAnswer(provider: string): string {
  if (provider === "anthropic")
    return 'const summary = answer.content[0]?.type === "text" ? answer.content[0].text : undefined;';
  if (provider === "gemini") {
    return 'const summary = answer.candidates?.[0]?.content.parts.find((part) => "text" in part)?.text;';
  }
  return "const summary = answer.choices[0]?.message.content;";
}

/** A payload for `create(...)` with a plausible value per field. */
export function sampleData(fields: DataField[]): string {
  return objectLiteral(
    fields.map((field) => [field.name, sampleValue(field)]),
    "",
  );
}

function sampleValue(field: DataField): string {
  switch (field.type.kind) {
    case "number":
      return "1";
    case "boolean":
      return "true";
    case "enum":
      return quote(field.type.values[0]!);
    default:
      return /email/i.test(field.name) ? quote("ada@example.com") : quote(`${slugOf(field.name)}-1`);
  }
}
