import { describe, expect, it } from "vitest";
import { CliError } from "../../src/support/errors.js";
import { type GeneratorFlags, parseFunctionSpec } from "../../src/commands/function/spec.js";
import { parseArgs } from "../../src/args.js";
import { acceptanceExample } from "../helpers/generator-example.js";

/** The generator's flags as the command line gives them. */
function flagsOf(argv: string[]): { id: string; generator: GeneratorFlags } {
  const flags = parseArgs(argv);
  return { id: flags.function ?? "", generator: flags.generator };
}

function parse(argv: string[]) {
  const { id, generator } = flagsOf(argv);
  return parseFunctionSpec(id, generator);
}

const base = ["--function", "sync-contact", "--event", "crm/contact.updated"];

// Every class of invalid value: [what, extra arguments, the flag named, a part of the message].
const invalid: [string, string[], string, RegExp][] = [
  ["an id that is not kebab case", ["--function", "SyncContact", "--event", "a/b"], "--function", /kebab-case/],
  ["no trigger", ["--function", "x"], "--event", /needs a trigger/],
  [
    "more than 10 triggers",
    [...Array.from({ length: 11 }, (_, i) => ["--event", `app/e${i}`]).flat(), "--function", "x"],
    "--event",
    /at most 10/,
  ],
  ["the same event twice", [...base, "--event", "crm/contact.updated"], "--event", /twice/],
  ["an event name with a space", ["--function", "x", "--event", "app/a b"], "--event", /not an event name/],
  ["a reserved inngest/ event", ["--function", "x", "--event", "inngest/function.failed"], "--event", /reserved/],
  ["retries above 20", [...base, "--retries", "21"], "--retries", /0 to 20/],
  ["negative retries", [...base, "--retries", "-1"], "--retries", /0 to 20/],
  ["retries that are not a number", [...base, "--retries", "many"], "--retries", /whole number/],
  [
    "three concurrency limits",
    [...base, "--concurrency", "1", "--concurrency", "2", "--concurrency", "3"],
    "--concurrency",
    /at most 2/,
  ],
  ["account scope without a key", [...base, "--concurrency", "5,scope=account"], "--concurrency", /needs key=/],
  ["an unknown concurrency scope", [...base, "--concurrency", "5,scope=world"], "--concurrency", /fn, env, account/],
  ["a concurrency limit of 0", [...base, "--concurrency", "0"], "--concurrency", /out of range/],
  ["an unknown option", [...base, "--throttle", "10/1m,burts=2"], "--throttle", /unknown option burts=/],
  ["a throttle period over 7 days", [...base, "--throttle", "1/8d"], "--throttle", /1s to 7d/],
  ["a throttle without a period", [...base, "--throttle", "10"], "--throttle", /<limit>\/<period>/],
  ["a rate limit period over 24h", [...base, "--rate-limit", "1/25h"], "--rate-limit", /1s to 24h/],
  ["a debounce period over 7 days", [...base, "--debounce", "8d"], "--debounce", /1s to 7d/],
  [
    "a debounce timeout shorter than its period",
    [...base, "--debounce", "1m,timeout=30s"],
    "--debounce",
    /at least as long/,
  ],
  ["a batch over 100 events", [...base, "--batch", "101/5s"], "--batch", /1 to 100/],
  ["a batch timeout over 60s", [...base, "--batch", "10/2m"], "--batch", /1s to 60s/],
  ["a batch with a rate limit", [...base, "--batch", "10/5s", "--rate-limit", "1/1h"], "--batch", /rate-limit/],
  ["a priority out of range", [...base, "--priority", "601"], "--priority", /-600 to 600/],
  [
    "a priority with an unclosed quote",
    [...base, "--priority", 'event.data.plan == "pro ? 60 : 0'],
    "--priority",
    /unclosed/,
  ],
  ["a malformed duration", [...base, "--sleep", "1 hour"], "--sleep", /not a duration/],
  ["a duration units out of order", [...base, "--sleep", "30m1h"], "--sleep", /not a duration/],
  ["a cron with 4 fields", ["--function", "x", "--cron", "0 12 * *"], "--cron", /5 \(minute/],
  ["a cron hour out of range", ["--function", "x", "--cron", "0 24 * * *"], "--cron", /hour field/],
  [
    "a cron with an unknown time zone",
    ["--function", "x", "--cron", "TZ=Mars/Olympus 0 12 * * 5"],
    "--cron",
    /unknown time zone/,
  ],
  ["a malformed data field", [...base, "--data", "userId"], "--data", /<name>\[\?\]:<type>/],
  ["an unknown data type", [...base, "--data", "userId:uuid"], "--data", /unknown type uuid/],
  ["the same data field twice", [...base, "--data", "a:string,a:number"], "--data", /twice/],
  [
    "data with two events",
    [...base, "--event", "crm/contact.created", "--data", "a:string"],
    "--data",
    /exactly one --event/,
  ],
  ["a step id that is not kebab case", [...base, "--steps", "loadUser"], "--steps", /kebab-case/],
  ["the same step twice", [...base, "--steps", "a,a"], "--steps", /unique/],
  ["a step id another flag uses", [...base, "--steps", "sleep-1h", "--sleep", "1h"], "--steps", /rename/],
  ["--if without an event", ["--function", "x", "--cron", "0 * * * *", "--if", "true"], "--if", /no --event/],
  ["a singleton without a mode", [...base, "--singleton", "key=event.data.id"], "--singleton", /mode=skip/],
  ["timeouts with nothing", [...base, "--timeouts", "begin=1m"], "--timeouts", /unknown option begin=/],
  ["wait-for without a timeout", [...base, "--wait-for", "app/x.approved"], "--wait-for", /needs timeout=/],
  [
    "wait-for with a bad match",
    [...base, "--wait-for", "app/x.approved,match=invoiceId,timeout=1d"],
    "--wait-for",
    /field path/,
  ],
  ["invoke of a name that is not an identifier", [...base, "--invoke", "send-email"], "--invoke", /export name/],
  ["an unknown AI provider", [...base, "--ai", "mistral:large"], "--ai", /openai\|anthropic\|gemini\|grok/],
  ["AI params without --ai", [...base, "--ai-params", "temperature=0.2"], "--ai-params", /goes with --ai/],
  [
    "a temperature above 2",
    [...base, "--ai", "openai:gpt-5-mini", "--ai-params", "temperature=3"],
    "--ai-params",
    /0 to 2/,
  ],
  [
    "a flag given twice that takes one value",
    [...base, "--retries", "1", "--retries", "2"],
    "--retries",
    /Conflicting flags/,
  ],
];

describe("parseFunctionSpec refuses", () => {
  it.each(invalid)("%s", (_, argv, flag, message) => {
    let error: unknown;
    try {
      parse(argv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    const text = (error as CliError).message;
    expect(text).toContain(flag);
    expect(text).toMatch(message);
    expect(text.split("\n")).toHaveLength(1);
  });
});

describe("parseFunctionSpec reads", () => {
  it("the acceptance example", () => {
    const spec = parse(acceptanceExample);
    expect(spec).toMatchObject({
      id: "sync-contact",
      exportName: "syncContact",
      events: ["crm/contact.updated"],
      data: [
        { name: "contactId", type: { kind: "string" }, optional: false },
        { name: "email", type: { kind: "string" }, optional: false },
      ],
      steps: ["load-contact", "push-to-crm"],
      retries: 5,
      throttle: { limit: 10, period: "1m", key: "event.data.contactId" },
      onFailure: true,
    });
  });

  it("options whose CEL values hold commas and equal signs", () => {
    const spec = parse([
      ...base,
      "--batch",
      "50/10s,if=event.data.plan == \"free\",key=event.data.a + ',' + event.data.b",
    ]);
    expect(spec.batch).toEqual({
      maxSize: 50,
      timeout: "10s",
      if: 'event.data.plan == "free"',
      key: "event.data.a + ',' + event.data.b",
    });
  });

  it("repeatable flags, optional and enum fields, time zones and two concurrency limits", () => {
    const spec = parse([
      "--function",
      "nightly-report",
      "--cron",
      "TZ=Europe/Paris 0 12 * * 5",
      "--cron",
      "@daily",
      "--concurrency",
      '10,key="openai",scope=account',
      "--concurrency",
      "2,key=event.data.userId",
      "--cancel-on",
      "app/report.cancelled,match=data.reportId,timeout=1h",
      "--priority",
      "-600",
    ]);
    expect(spec.crons).toEqual(["TZ=Europe/Paris 0 12 * * 5", "@daily"]);
    expect(spec.concurrency).toEqual([
      { limit: 10, key: '"openai"', scope: "account" },
      { limit: 2, key: "event.data.userId" },
    ]);
    expect(spec.cancelOn).toEqual([{ event: "app/report.cancelled", match: "data.reportId", timeout: "1h" }]);
    expect(spec.priority).toBe("-600");
    const typed = parse([...base, "--data", "plan:free|pro,email?:string,amount:number,active:boolean"]);
    expect(typed.data).toEqual([
      { name: "plan", type: { kind: "enum", values: ["free", "pro"] }, optional: false },
      { name: "email", type: { kind: "string" }, optional: true },
      { name: "amount", type: { kind: "number" }, optional: false },
      { name: "active", type: { kind: "boolean" }, optional: false },
    ]);
  });
});
