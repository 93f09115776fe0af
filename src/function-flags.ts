// The flags that shape a generated function (`--function <id>` and these). args.ts lists them in
// --help and collects their values, each flag's in a list, for parseFunctionSpec.

export interface GeneratorFlagSpec {
  name: string;
  value?: string;
  help: string;
  /** May be given more than once. */
  repeatable?: boolean;
}

export const generatorFlagSpecs: readonly GeneratorFlagSpec[] = [
  { name: "event", value: "app/user.signed-up", help: "trigger on this event (repeatable)", repeatable: true },
  {
    name: "cron",
    value: "[TZ=Europe/Paris ]0 12 * * 5",
    help: "trigger on this schedule (repeatable)",
    repeatable: true,
  },
  { name: "if", value: "CEL", help: "only events for which this expression is true start a run" },
  {
    name: "data",
    value: "userId:string,plan:free|pro,email?:string",
    help: "the event's fields: a typed event in events.ts",
  },
  { name: "steps", value: "load-user,send-email", help: "the step.run stubs, in order (default: do-work)" },
  { name: "retries", value: "0-20", help: "retries after the first attempt (Inngest's default: 4)" },
  { name: "on-failure", help: "add an onFailure handler, run once every attempt failed" },
  {
    name: "concurrency",
    value: "10[,key=..][,scope=fn|env|account]",
    help: "steps running at once (up to 2)",
    repeatable: true,
  },
  { name: "throttle", value: "10/1m[,burst=2][,key=..]", help: "run starts per period; extra runs wait" },
  { name: "rate-limit", value: "1/4h[,key=..]", help: "run starts per period; extra events are dropped" },
  { name: "debounce", value: "5s[,key=..][,timeout=..]", help: "run once, with the last event, when events stop" },
  { name: "batch", value: "100/5s[,key=..][,if=..]", help: "one run gets up to N events, or those within the timeout" },
  { name: "priority", value: "CEL", help: "seconds (-600..600) a run moves ahead in the queue" },
  { name: "idempotency", value: "CEL", help: "one run per value of the expression in 24h" },
  {
    name: "cancel-on",
    value: "app/x.y[,match=data.id][,if=..][,timeout=..]",
    help: "cancel a run when this event arrives (repeatable)",
    repeatable: true,
  },
  { name: "timeouts", value: "start=1m,finish=1h", help: "cancel runs that wait or take too long" },
  { name: "singleton", value: "[key=..,]mode=skip|cancel", help: "one run at a time (per key)" },
  { name: "wait-for", value: "app/x.y,timeout=7d[,match=data.id|if=..]", help: "a step.waitForEvent" },
  { name: "sleep", value: "1h", help: "a step.sleep" },
  { name: "invoke", value: "exportName[,timeout=..]", help: "a step.invoke of another function of the app" },
  {
    name: "send",
    value: "app/x.y",
    help: "a step.sendEvent that fans out to this event (repeatable)",
    repeatable: true,
  },
  { name: "ai", value: "openai|anthropic|gemini|grok:<model>", help: "a step.ai.infer call to this model" },
  { name: "ai-params", value: "temperature=0.2,max_tokens=500", help: "the model call's parameters (also top_p)" },
];
