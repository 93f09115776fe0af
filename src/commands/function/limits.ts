import { CliError } from "../../support/errors.js";

// The limits the Inngest engine enforces on function configuration (its docs, Nov 2026), checked
// before anything is written so that a sync never fails on a value the generator accepted.

export interface DurationRange {
  min: number;
  max: number;
  /** How the range reads in a message. */
  label: string;
}

/** A refusal of one flag's value: the flag, what is wrong, what is allowed. */
export function bad(flag: string, message: string): CliError {
  return new CliError(`--${flag}: ${message}`, "invalid-flag-value");
}

const DAY = 86_400;
const range = (min: number, max: number, label: string): DurationRange => ({ min, max, label });

export const limits = {
  retries: { min: 0, max: 20 },
  triggers: 10,
  concurrencyEntries: 2,
  concurrency: Number.MAX_SAFE_INTEGER,
  priority: { min: -600, max: 600 },
  throttleBurst: Number.MAX_SAFE_INTEGER,
  throttlePeriod: range(1, 7 * DAY, "1s to 7d"),
  rateLimitPeriod: range(1, DAY, "1s to 24h"),
  debouncePeriod: range(1, 7 * DAY, "1s to 7d"),
  batchSize: 100,
  batchTimeout: range(1, 60, "1s to 60s"),
  sleep: range(1, 365 * DAY, "1s to 365d"),
  waitTimeout: range(1, 365 * DAY, "1s to 365d"),
  anyDuration: range(1, 365 * DAY, "1s to 365d"),
};

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: DAY, w: 7 * DAY };

/** Seconds in an Inngest duration such as `30s`, `5m`, `1h30m` or `7d`. */
export function durationSeconds(duration: string): number {
  let total = 0;
  for (const [, amount, unit] of duration.matchAll(/(\d+)([smhdw])/g)) total += Number(amount) * UNIT_SECONDS[unit!]!;
  return total;
}

export function checkDuration(flag: string, value: string, allowed: DurationRange, option?: string): string {
  const duration = value.trim();
  const where = option ? `${option} ` : "";
  if (duration === "" || !/^(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/.test(duration))
    throw bad(flag, `${where}"${value}" is not a duration; use a number and s, m, h, d or w, e.g. 30s, 5m, 1h30m.`);
  const seconds = durationSeconds(duration);
  if (seconds < allowed.min || seconds > allowed.max)
    throw bad(flag, `${where}${duration} is out of range; allowed: ${allowed.label}.`);
  return duration;
}

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const CRON_FIELDS: CronField[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
  },
  { name: "day of week", min: 0, max: 7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];
const CRON_MACROS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

/** A cron schedule: an optional `TZ=<IANA zone>` prefix, then five fields or a macro such as @daily. */
export function checkCron(flag: string, value: string): string {
  const expression = value.trim().replace(/\s+/g, " ");
  let schedule = expression;
  const zone = /^(?:CRON_)?TZ=(\S+) (.*)$/.exec(expression);
  if (zone) {
    if (!timeZones().has(zone[1]!))
      throw bad(flag, `unknown time zone ${zone[1]}; use an IANA name such as Europe/Paris or America/New_York.`);
    schedule = zone[2]!;
  }
  if (CRON_MACROS.includes(schedule)) return expression;
  const fields = schedule.split(" ");
  if (fields.length !== 5)
    throw bad(
      flag,
      `"${value}" has ${fields.length} fields; a schedule has 5 (minute hour day-of-month month day-of-week), e.g. "TZ=Europe/Paris 0 12 * * 5".`,
    );
  for (const [index, field] of fields.entries()) checkCronField(flag, field, CRON_FIELDS[index]!);
  return expression;
}

function checkCronField(flag: string, field: string, spec: CronField): void {
  const fail = () =>
    bad(
      flag,
      `the ${spec.name} field "${field}" is not valid; allowed: ${spec.min}-${spec.max}, *, lists (a,b), ranges (a-b) and steps (*/n).`,
    );
  const value = (text: string) => {
    const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
    if (named !== -1) return named + (spec.min === 1 ? 1 : 0);
    if (!/^\d+$/.test(text)) throw fail();
    const number = Number(text);
    if (number < spec.min || number > spec.max) throw fail();
    return number;
  };
  for (const part of field.split(",")) {
    const [base, step] = part.split("/");
    if (step !== undefined && (!/^\d+$/.test(step) || Number(step) === 0)) throw fail();
    if (base === "*" || (base === "?" && spec.name.startsWith("day"))) continue;
    const [from, to] = base!.split("-");
    if (from === undefined || from === "") throw fail();
    const start = value(from);
    if (to !== undefined && value(to) < start) throw fail();
  }
}

let zones: Set<string> | undefined;
function timeZones(): Set<string> {
  zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC", "GMT"]);
  return zones;
}
