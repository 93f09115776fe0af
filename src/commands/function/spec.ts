import { slugOf } from "./code.js";
import { bad, checkCron, checkDuration, durationSeconds, type DurationRange, limits } from "./limits.js";

// Flags -> a validated FunctionSpec. Pure: reads no file. Every refusal is one line naming the flag,
// what is wrong and what is allowed; the app-dependent checks (duplicate ids, the invoked function)
// are made by the adapter once it has read the app.

export type FieldType = { kind: "string" | "number" | "boolean" } | { kind: "enum"; values: string[] };

export interface DataField {
  name: string;
  type: FieldType;
  optional: boolean;
}

export interface FunctionSpec {
  id: string;
  /** The function's export, camelCase of its id. */
  exportName: string;
  events: string[];
  crons: string[];
  /** A CEL expression on the event triggers (`if`). */
  condition?: string;
  /** The payload of the one event trigger, declared as a typed event when given. */
  data: DataField[];
  steps: string[];
  retries?: number;
  onFailure: boolean;
  concurrency: { limit: number; key?: string; scope?: "fn" | "env" | "account" }[];
  throttle?: { limit: number; period: string; burst?: number; key?: string };
  rateLimit?: { limit: number; period: string; key?: string };
  debounce?: { period: string; key?: string; timeout?: string };
  batch?: { maxSize: number; timeout: string; key?: string; if?: string };
  priority?: string;
  idempotency?: string;
  cancelOn: { event: string; match?: string; if?: string; timeout?: string }[];
  timeouts?: { start?: string; finish?: string };
  singleton?: { key?: string; mode: "skip" | "cancel" };
  waitFor?: { event: string; match?: string; if?: string; timeout: string };
  sleep?: string;
  invoke?: { exportName: string; timeout?: string };
  send: string[];
  ai?: { provider: AiProvider; model: string; params: Record<string, number | string> };
}

export const aiProviders = ["openai", "anthropic", "gemini", "grok"] as const;
export type AiProvider = (typeof aiProviders)[number];

/** The generator's flags as the command line gave them: every value a list, in order given. */
export type GeneratorFlags = Record<string, string[]>;

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const EVENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function parseFunctionSpec(id: string, flags: GeneratorFlags): FunctionSpec {
  const one = (name: string): string | undefined => {
    const values = flags[name];
    if (values && values.length > 1) throw bad(name, `given ${values.length} times; pass it once.`);
    return values?.[0];
  };
  const many = (name: string): string[] => flags[name] ?? [];
  const has = (name: string) => flags[name] !== undefined;

  if (!KEBAB.test(id))
    // JSON's quoting shows a control character pasted with the id (\u0001), invisible otherwise.
    throw bad(
      "function",
      `${JSON.stringify(id)} is not a kebab-case id; use lowercase words joined by -, e.g. sync-contact.`,
    );

  const events = many("event").map((name) => eventName("event", name));
  const crons = many("cron").map((expression) => checkCron("cron", expression));
  if (events.length + crons.length === 0)
    throw bad("event", "a function needs a trigger: pass --event <name> or --cron <schedule>.");
  if (events.length + crons.length > limits.triggers)
    throw bad(
      "event",
      `${events.length + crons.length} triggers; a function takes at most ${limits.triggers} (--event and --cron together).`,
    );
  if (new Set(events).size !== events.length) throw bad("event", "the same event is given twice.");

  const condition = one("if");
  if (condition !== undefined) {
    cel("if", condition);
    if (events.length === 0) throw bad("if", "filters events, but the function has no --event trigger.");
  }

  const data = has("data") ? parseData(one("data")!) : [];
  if (data.length > 0 && (events.length !== 1 || crons.length > 0))
    throw bad("data", "types the payload of one event: pass exactly one --event and no --cron with it.");

  const steps = has("steps") ? list("steps", one("steps")!) : ["do-work"];
  for (const step of steps)
    if (!KEBAB.test(step)) throw bad("steps", `"${step}" is not a kebab-case step id; use e.g. load-user,send-email.`);
  const duplicate = steps.find((step, index) => steps.indexOf(step) !== index);
  if (duplicate) throw bad("steps", `"${duplicate}" is given twice; step ids must be unique in a function.`);

  const spec: FunctionSpec = {
    id,
    exportName: camelCase(id),
    events,
    crons,
    condition,
    data,
    steps,
    onFailure: has("on-failure"),
    concurrency: many("concurrency").map(parseConcurrency),
    cancelOn: many("cancel-on").map(parseCancelOn),
    send: many("send").map((name) => eventName("send", name)),
  };

  const retries = one("retries");
  if (retries !== undefined) spec.retries = integer("retries", retries, limits.retries.min, limits.retries.max);
  if (spec.concurrency.length > limits.concurrencyEntries)
    throw bad(
      "concurrency",
      `given ${spec.concurrency.length} times; a function takes at most ${limits.concurrencyEntries} concurrency limits.`,
    );

  const throttle = one("throttle");
  if (throttle !== undefined) {
    const { head, options } = splitOptions("throttle", throttle, ["burst", "key"]);
    const { count, period } = rate("throttle", head, limits.throttlePeriod, "10/1m");
    spec.throttle = { limit: count, period };
    if (options.burst !== undefined)
      spec.throttle.burst = integer("throttle", options.burst, 1, limits.throttleBurst, "burst");
    if (options.key !== undefined) spec.throttle.key = cel("throttle", options.key, "key");
  }
  const rateLimit = one("rate-limit");
  if (rateLimit !== undefined) {
    const { head, options } = splitOptions("rate-limit", rateLimit, ["key"]);
    const { count, period } = rate("rate-limit", head, limits.rateLimitPeriod, "1/4h");
    spec.rateLimit = {
      limit: count,
      period,
      ...(options.key !== undefined && { key: cel("rate-limit", options.key, "key") }),
    };
  }
  const debounce = one("debounce");
  if (debounce !== undefined) {
    const { head, options } = splitOptions("debounce", debounce, ["key", "timeout"]);
    spec.debounce = { period: checkDuration("debounce", head, limits.debouncePeriod) };
    if (options.key !== undefined) spec.debounce.key = cel("debounce", options.key, "key");
    if (options.timeout !== undefined) {
      spec.debounce.timeout = checkDuration("debounce", options.timeout, limits.debouncePeriod, "timeout");
      if (durationSeconds(spec.debounce.timeout) < durationSeconds(spec.debounce.period))
        throw bad(
          "debounce",
          `timeout=${spec.debounce.timeout} is shorter than the period ${spec.debounce.period}; it must be at least as long.`,
        );
    }
  }
  const batch = one("batch");
  if (batch !== undefined) {
    const { head, options } = splitOptions("batch", batch, ["key", "if"]);
    const match = /^(\d+)\/(\S+)$/.exec(head);
    if (!match) throw bad("batch", `"${head}" is not <max size>/<timeout>; e.g. --batch 100/5s.`);
    spec.batch = {
      maxSize: integer("batch", match[1]!, 1, limits.batchSize, "max size"),
      timeout: checkDuration("batch", match[2]!, limits.batchTimeout, "timeout"),
    };
    if (options.key !== undefined) spec.batch.key = cel("batch", options.key, "key");
    if (options.if !== undefined) spec.batch.if = cel("batch", options.if, "if");
  }
  const priority = one("priority");
  if (priority !== undefined) {
    spec.priority = cel("priority", priority);
    if (/^-?\d+$/.test(priority.trim())) integer("priority", priority.trim(), limits.priority.min, limits.priority.max);
  }
  const idempotency = one("idempotency");
  if (idempotency !== undefined) spec.idempotency = cel("idempotency", idempotency);

  const timeouts = one("timeouts");
  if (timeouts !== undefined) {
    const options = keyValues("timeouts", timeouts, ["start", "finish"]);
    if (Object.keys(options).length === 0) throw bad("timeouts", "give start=<duration>, finish=<duration> or both.");
    spec.timeouts = {};
    if (options.start !== undefined)
      spec.timeouts.start = checkDuration("timeouts", options.start, limits.anyDuration, "start");
    if (options.finish !== undefined)
      spec.timeouts.finish = checkDuration("timeouts", options.finish, limits.anyDuration, "finish");
  }
  const singleton = one("singleton");
  if (singleton !== undefined) {
    const options = keyValues("singleton", singleton, ["key", "mode"]);
    if (options.mode !== "skip" && options.mode !== "cancel")
      throw bad(
        "singleton",
        `mode=${options.mode ?? "(missing)"}; use mode=skip (drop new runs) or mode=cancel (cancel the running one).`,
      );
    spec.singleton = {
      mode: options.mode,
      ...(options.key !== undefined && { key: cel("singleton", options.key, "key") }),
    };
  }

  const waitFor = one("wait-for");
  if (waitFor !== undefined) {
    const { head, options } = splitOptions("wait-for", waitFor, ["match", "if", "timeout"]);
    if (options.timeout === undefined)
      throw bad("wait-for", "needs timeout=<duration>: how long to wait, e.g. timeout=7d.");
    if (options.match !== undefined && options.if !== undefined)
      throw bad("wait-for", "takes match= or if=, not both.");
    spec.waitFor = {
      event: eventName("wait-for", head),
      timeout: checkDuration("wait-for", options.timeout, limits.waitTimeout, "timeout"),
      ...(options.match !== undefined && { match: matchField("wait-for", options.match) }),
      ...(options.if !== undefined && { if: cel("wait-for", options.if, "if") }),
    };
  }
  const sleep = one("sleep");
  if (sleep !== undefined) spec.sleep = checkDuration("sleep", sleep, limits.sleep);
  const invoke = one("invoke");
  if (invoke !== undefined) {
    const { head, options } = splitOptions("invoke", invoke, ["timeout"]);
    if (!IDENTIFIER.test(head))
      throw bad(
        "invoke",
        `"${head}" is not a function export name; pass the name the app exports, e.g. sendWelcomeEmail.`,
      );
    spec.invoke = {
      exportName: head,
      ...(options.timeout !== undefined && {
        timeout: checkDuration("invoke", options.timeout, limits.waitTimeout, "timeout"),
      }),
    };
  }

  const ai = one("ai");
  const aiParams = one("ai-params");
  if (aiParams !== undefined && ai === undefined) throw bad("ai-params", "goes with --ai <provider>:<model>.");
  if (ai !== undefined) {
    const [provider, ...rest] = ai.split(":");
    const model = rest.join(":").trim();
    if (!aiProviders.includes(provider as AiProvider) || model === "")
      throw bad(
        "ai",
        `"${ai}" is not <provider>:<model> with provider ${aiProviders.join("|")}; e.g. --ai openai:gpt-5-mini.`,
      );
    spec.ai = {
      provider: provider as AiProvider,
      model,
      params: aiParams === undefined ? {} : parseAiParams(aiParams),
    };
  }

  const clashingStep = builtInStepIds(spec).find((stepId) => steps.includes(stepId));
  if (clashingStep) throw bad("steps", `"${clashingStep}" is the id of a step the other flags add; rename your step.`);
  if (spec.batch) {
    const clash = ["rate-limit", "idempotency", "cancel-on", "priority"].find((flag) => has(flag));
    if (clash) throw bad("batch", `Inngest does not batch functions that use --${clash}; drop one of them.`);
  }
  return spec;
}

export function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function eventName(flag: string, name: string): string {
  const trimmed = name.trim();
  if (!EVENT_NAME.test(trimmed))
    throw bad(flag, `"${name}" is not an event name; use letters, digits and . _ - / :, e.g. app/user.signed-up.`);
  if (trimmed.startsWith("inngest/"))
    throw bad(flag, `"${name}": the inngest/ prefix is reserved for Inngest's own events.`);
  return trimmed;
}

function cel(flag: string, expression: string, option?: string): string {
  const trimmed = expression.trim();
  const where = option ? `${option}=` : "the expression";
  if (trimmed === "") throw bad(flag, `${where} is empty; give a CEL expression such as event.data.userId.`);
  let depth = 0;
  let quote: string | undefined;
  for (const char of trimmed) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "(") depth++;
    else if (char === ")" && --depth < 0) break;
  }
  if (quote || depth !== 0) throw bad(flag, `${where} "${trimmed}" has an unclosed quote or parenthesis.`);
  return trimmed;
}

function matchField(flag: string, field: string): string {
  if (!/^data(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(field.trim()))
    throw bad(flag, `match=${field} is not a field path; use the field both events share, e.g. match=data.invoiceId.`);
  return field.trim();
}

function integer(flag: string, value: string, min: number, max: number, option?: string): number {
  const where = option ? `${option} ` : "";
  if (!/^-?\d+$/.test(value.trim()))
    throw bad(flag, `${where}"${value}" is not a whole number; allowed: ${min} to ${max}.`);
  const number = Number(value);
  if (number < min || number > max) throw bad(flag, `${where}${number} is out of range; allowed: ${min} to ${max}.`);
  return number;
}

function list(flag: string, value: string): string[] {
  const items = value.split(",").map((item) => item.trim());
  if (items.some((item) => item === ""))
    throw bad(flag, `"${value}" has an empty entry; separate entries with single commas.`);
  return items;
}

/**
 * `head,opt=value,opt=value`. Commas split only before a known option name, so CEL values may hold
 * commas of their own.
 */
function splitOptions(
  flag: string,
  value: string,
  allowed: readonly string[],
): { head: string; options: Record<string, string> } {
  const [head, ...rest] = value.split(new RegExp(`,(?=\\s*(?:${allowed.join("|")})=)`));
  const unknown = /(?:^|,)\s*([a-z]+)=(?!=)/.exec(head!)?.[1];
  if (unknown) throw bad(flag, `unknown option ${unknown}=; allowed: ${allowed.map((name) => `${name}=`).join(", ")}.`);
  if (head!.trim() === "") throw bad(flag, `"${value}" lacks its main value (see --help).`);
  const options: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf("=");
    const name = part.slice(0, eq).trim();
    if (name in options) throw bad(flag, `${name}= is given twice.`);
    options[name] = part.slice(eq + 1).trim();
  }
  return { head: head!.trim(), options };
}

/** `opt=value,opt=value` with nothing before the first option. */
function keyValues(flag: string, value: string, allowed: readonly string[]): Record<string, string> {
  const { head, options } = splitOptions(flag, `_,${value}`, allowed);
  if (head !== "_") throw bad(flag, `"${value}" is not ${allowed.map((name) => `${name}=..`).join(",")}.`);
  return options;
}

function rate(flag: string, head: string, range: DurationRange, example: string): { count: number; period: string } {
  const match = /^(\d+)\/(\S+)$/.exec(head);
  if (!match) throw bad(flag, `"${head}" is not <limit>/<period>; e.g. --${flag} ${example}.`);
  return {
    count: integer(flag, match[1]!, 1, Number.MAX_SAFE_INTEGER, "limit"),
    period: checkDuration(flag, match[2]!, range, "period"),
  };
}

function parseConcurrency(value: string): FunctionSpec["concurrency"][number] {
  const { head, options } = splitOptions("concurrency", value, ["key", "scope"]);
  const entry: FunctionSpec["concurrency"][number] = {
    limit: integer("concurrency", head, 1, limits.concurrency, "limit"),
  };
  if (options.key !== undefined) entry.key = cel("concurrency", options.key, "key");
  if (options.scope !== undefined) {
    if (options.scope !== "fn" && options.scope !== "env" && options.scope !== "account")
      throw bad("concurrency", `scope=${options.scope}; allowed: fn, env, account.`);
    entry.scope = options.scope;
    if (entry.scope !== "fn" && entry.key === undefined)
      throw bad(
        "concurrency",
        `scope=${entry.scope} needs key=<expression>: the queue shared across functions, e.g. key='"openai"'.`,
      );
  }
  return entry;
}

function parseCancelOn(value: string): FunctionSpec["cancelOn"][number] {
  const { head, options } = splitOptions("cancel-on", value, ["match", "if", "timeout"]);
  return {
    event: eventName("cancel-on", head),
    ...(options.match !== undefined && { match: matchField("cancel-on", options.match) }),
    ...(options.if !== undefined && { if: cel("cancel-on", options.if, "if") }),
    ...(options.timeout !== undefined && {
      timeout: checkDuration("cancel-on", options.timeout, limits.waitTimeout, "timeout"),
    }),
  };
}

function parseData(value: string): DataField[] {
  const fields: DataField[] = [];
  for (const entry of list("data", value)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(\?)?:(.+)$/.exec(entry);
    if (!match)
      throw bad("data", `"${entry}" is not <name>[?]:<type>; e.g. userId:string,amount:number,email?:string.`);
    const [, name, optional, typeText] = match;
    let type: FieldType;
    if (typeText === "string" || typeText === "number" || typeText === "boolean") type = { kind: typeText };
    else if (typeText!.includes("|")) {
      const values = typeText!.split("|").map((item) => item.trim());
      if (values.some((item) => !/^[A-Za-z0-9_.-]+$/.test(item)))
        throw bad("data", `"${entry}": enum values are words joined by |, e.g. plan:free|pro.`);
      type = { kind: "enum", values };
    } else throw bad("data", `"${entry}": unknown type ${typeText}; allowed: string, number, boolean, or values a|b.`);
    if (fields.some((field) => field.name === name)) throw bad("data", `the field ${name} is given twice.`);
    fields.push({ name: name!, type, optional: optional === "?" });
  }
  return fields;
}

function parseAiParams(value: string): Record<string, number | string> {
  const params: Record<string, number | string> = {};
  for (const entry of list("ai-params", value)) {
    const [name, raw] = entry.split("=");
    if (!name || raw === undefined || !/^[a-z_]+$/.test(name))
      throw bad("ai-params", `"${entry}" is not <name>=<value>; e.g. temperature=0.2,max_tokens=500.`);
    params[name] = raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  const { temperature, max_tokens } = params;
  if (temperature !== undefined && (typeof temperature !== "number" || temperature < 0 || temperature > 2))
    throw bad("ai-params", `temperature=${temperature}; allowed: a number from 0 to 2.`);
  if (max_tokens !== undefined && (typeof max_tokens !== "number" || !Number.isInteger(max_tokens) || max_tokens < 1))
    throw bad("ai-params", `max_tokens=${max_tokens}; allowed: a whole number from 1.`);
  return params;
}

/** The ids of the steps the generator adds itself, after the user's own. */
export function builtInStepIds(spec: FunctionSpec): string[] {
  return [
    ...(spec.ai ? [`ask-${spec.ai.provider}`] : []),
    ...(spec.invoke ? [`invoke-${slugOf(spec.invoke.exportName)}`] : []),
    ...(spec.waitFor ? [`wait-for-${slugOf(spec.waitFor.event)}`] : []),
    ...(spec.sleep ? [`sleep-${spec.sleep}`] : []),
    ...spec.send.map((name) => `send-${slugOf(name)}`),
  ];
}
