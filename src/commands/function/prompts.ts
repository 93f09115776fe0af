import type { PromptObject } from "prompts";
import { CancelledError } from "../../support/errors.js";
import { generatorFlagSpecs } from "../../function-flags.js";
import { type GeneratorFlags, parseFunctionSpec } from "./spec.js";

// In a terminal, what the flags leave out is asked: the answers become flag values, so they go
// through the same validation as flags do, each at its own prompt.

/** A placeholder trigger, so that an answer can be checked before the trigger is asked. */
const SOME_EVENT = { event: ["app/example"] };

/**
 * A prompt's check: the spec's own validation over the flags this answer makes, reporting what it
 * says of this flag (`--<flag>: ...`); other refusals wait for the end, as a flag's would.
 */
function checkAnswer(flag: string, flagsFor: (answer: string) => [string, GeneratorFlags]) {
  return (value: unknown): true | string => {
    const answer = String(value ?? "").trim();
    try {
      parseFunctionSpec(...flagsFor(answer));
      return true;
    } catch (error) {
      const message = (error as Error).message;
      return message.startsWith(`--${flag}:`) ? message.slice(flag.length + 4) : true;
    }
  };
}

/** The options offered in the multi-select, each with the question that follows its choice. */
const OPTIONAL_FLAGS: { flag: string; title: string; question: string; initial?: string }[] = [
  { flag: "retries", title: "Retries", question: "Retries after the first attempt (0-20)", initial: "3" },
  { flag: "on-failure", title: "onFailure handler", question: "" },
  { flag: "concurrency", title: "Concurrency", question: "Limit[,key=..][,scope=fn|env|account]", initial: "10" },
  { flag: "throttle", title: "Throttle", question: "Runs/period[,burst=n][,key=..]", initial: "10/1m" },
  { flag: "rate-limit", title: "Rate limit", question: "Runs/period[,key=..]", initial: "1/4h" },
  { flag: "debounce", title: "Debounce", question: "Period[,key=..][,timeout=..]", initial: "5s" },
  { flag: "batch", title: "Batching", question: "Max size/timeout[,key=..][,if=..]", initial: "100/5s" },
  { flag: "priority", title: "Priority", question: "CEL expression giving seconds (-600..600)" },
  { flag: "idempotency", title: "Idempotency", question: "CEL expression (one run per value in 24h)" },
  { flag: "cancel-on", title: "Cancel on an event", question: "Event[,match=data.id][,timeout=..]" },
  { flag: "timeouts", title: "Timeouts", question: "start=..,finish=..", initial: "start=1m,finish=1h" },
  { flag: "singleton", title: "Singleton", question: "[key=..,]mode=skip|cancel", initial: "mode=skip" },
  { flag: "wait-for", title: "Wait for an event", question: "Event,timeout=..[,match=data.id]" },
  { flag: "sleep", title: "Sleep", question: "Duration", initial: "1h" },
  { flag: "invoke", title: "Invoke another function", question: "Its export name[,timeout=..]" },
  { flag: "send", title: "Send events (fan-out)", question: "Event name" },
  { flag: "ai", title: "AI inference", question: "provider:model", initial: "openai:gpt-5-mini" },
];

export async function askMissing(
  id: string | undefined,
  given: Record<string, string[]>,
): Promise<{ id: string | undefined; generatorFlags: Record<string, string[]> }> {
  const { default: prompts } = await import("prompts");
  let cancelled = false;
  const ask = async (question: Omit<PromptObject, "name">): Promise<unknown> => {
    const answers = await prompts({ ...question, name: "answer" }, { onCancel: () => (cancelled = true) });
    if (cancelled) throw new CancelledError();
    return answers.answer;
  };
  const flags: Record<string, string[]> = { ...given };
  const text = async (message: string, initial?: string, validate?: (value: unknown) => true | string) =>
    String((await ask({ type: "text", message, initial, validate })) ?? "").trim();

  const functionId =
    id ??
    (await text(
      "Function id (kebab case)",
      "my-function",
      checkAnswer("function", (answer) => [answer, SOME_EVENT]),
    ));
  if (!flags.event && !flags.cron) {
    const kind = await ask({
      type: "select",
      message: "Trigger",
      choices: [
        { title: "An event", value: "event" },
        { title: "A schedule (cron)", value: "cron" },
      ],
    });
    if (kind === "event")
      flags.event = [
        await text(
          "Event name",
          "app/user.signed-up",
          checkAnswer("event", (answer) => [functionId, { event: [answer] }]),
        ),
      ];
    else
      flags.cron = [
        await text(
          "Cron schedule",
          "TZ=Europe/Paris 0 12 * * 5",
          checkAnswer("cron", (answer) => [functionId, { cron: [answer] }]),
        ),
      ];
  }
  const trigger = () => (flags.event ? { event: flags.event } : flags.cron ? { cron: flags.cron } : SOME_EVENT);
  if (flags.event?.length === 1 && !flags.data) {
    const data = await text(
      "Event data fields (name:type, comma-separated; empty for none)",
      "userId:string",
      checkAnswer("data", (answer) => [functionId, { ...trigger(), ...(answer && { data: [answer] }) }]),
    );
    if (data) flags.data = [data];
  }
  if (!flags.steps) {
    const steps = await text(
      "Steps (kebab-case ids, comma-separated)",
      "do-work",
      checkAnswer("steps", (answer) => [functionId, { ...trigger(), ...(answer && { steps: [answer] }) }]),
    );
    if (steps) flags.steps = [steps];
  }
  const offered = OPTIONAL_FLAGS.filter((option) => !flags[option.flag]);
  const chosen = ((await ask({
    type: "multiselect",
    message: "Options",
    choices: offered.map((option) => ({ title: option.title, value: option.flag })),
    hint: "- Space to select, Enter to confirm",
    instructions: false,
  })) ?? []) as string[];
  for (const flag of chosen) {
    const option = OPTIONAL_FLAGS.find((candidate) => candidate.flag === flag)!;
    const takesValue = generatorFlagSpecs.find((spec) => spec.name === flag)?.value !== undefined;
    flags[flag] = [
      takesValue
        ? await text(
            `${option.title}: ${option.question}`,
            option.initial,
            checkAnswer(flag, (answer) => [functionId, { ...flags, ...trigger(), [flag]: [answer] }]),
          )
        : "true",
    ];
  }
  return { id: functionId, generatorFlags: flags };
}
