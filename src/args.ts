import { CliError } from "./support/errors.js";
import type { JsonHelpResult } from "./support/json-output.js";
import { frameworkIds, frameworkLabels } from "./frameworks/index.js";
import { generatorFlagSpecs } from "./function-flags.js";

export interface Flags {
  dir?: string;
  framework?: string;
  features?: string[];
  /** `--add <features>`: add to the existing app in `cwd` instead of creating one. */
  add?: string[];
  cwd?: string;
  /** `--function <id>`: generate this function in the existing app in `cwd`. */
  function?: string;
  /** The values of the generator's flags (src/generate/flags.ts), each flag's in a list. */
  generator: Record<string, string[]>;
  pm?: string;
  template?: string;
  install?: boolean;
  git?: boolean;
  /** `--no-agents`: no AGENTS.md and no MCP configuration files. */
  agents?: boolean;
  yes: boolean;
  force: boolean;
  dryRun: boolean;
  list: boolean;
  help: boolean;
  version: boolean;
  debug: boolean;
  offline: boolean;
  /** One JSON object on stdout (schema/output.schema.json), logs on stderr, no prompts. */
  json: boolean;
  /** `--connect`: also write a `connect()` worker. */
  connect: boolean;
  /** `--upgrade`: move the existing app in `cwd` from inngest v3 to v4. */
  upgrade: boolean;
}

type StringFlag = "framework" | "features" | "pm" | "template" | "add" | "cwd" | "function";
type BooleanFlag =
  | "install"
  | "git"
  | "agents"
  | "yes"
  | "force"
  | "dryRun"
  | "list"
  | "help"
  | "version"
  | "debug"
  | "offline"
  | "json"
  | "connect"
  | "upgrade";

interface FlagSpec {
  name: string;
  /** `generator`: the value goes in `flags.generator[name]`. */
  key: StringFlag | BooleanFlag | "generator";
  takesValue: boolean;
  /** `--no-<name>` sets it to false. */
  negatable?: boolean;
  alias?: string;
  value?: string;
  help: string;
  repeatable?: boolean;
}

export const flagSpecs: readonly FlagSpec[] = [
  { name: "framework", key: "framework", takesValue: true, value: frameworkIds.join("|"), help: "the web framework" },
  {
    name: "features",
    key: "features",
    takesValue: true,
    value: "a,b",
    help: "comma-separated feature ids, groups (flow-control...) or all (see --list)",
  },
  {
    name: "pm",
    key: "pm",
    takesValue: true,
    value: "npm|pnpm|yarn|bun",
    help: "package manager (default: the one you ran)",
  },
  {
    name: "template",
    key: "template",
    takesValue: true,
    value: "user/repo[/subdir][#ref]",
    help: "start from a remote starter (a GitHub, GitLab or Bitbucket tarball) instead of the built-in one",
  },
  {
    name: "connect",
    key: "connect",
    takesValue: false,
    help: "also write src/worker.ts, serving the functions over connect() (Express, Hono on Node.js)",
  },
  {
    name: "offline",
    key: "offline",
    takesValue: false,
    help: "with --template: read only the local cache, no network",
  },
  {
    name: "add",
    key: "add",
    takesValue: true,
    value: "a,b",
    help: "add Inngest and these features (ids, groups or all) to the existing app (inngest: Inngest alone)",
  },
  {
    name: "cwd",
    key: "cwd",
    takesValue: true,
    value: "dir",
    help: "with --add, --function or --upgrade: the app's directory (default: the current one)",
  },
  {
    name: "function",
    key: "function",
    takesValue: true,
    value: "id",
    help: "write a new function, its test, and register it in the existing app (flags below)",
  },
  {
    name: "upgrade",
    key: "upgrade",
    takesValue: false,
    help: "move the existing app from inngest v3 to v4: its code, package.json and dev mode",
  },
  { name: "install", key: "install", takesValue: false, negatable: true, help: "install dependencies (default: yes)" },
  {
    name: "git",
    key: "git",
    takesValue: false,
    negatable: true,
    help: "init a git repository with a first commit (default: yes)",
  },
  {
    name: "agents",
    key: "agents",
    takesValue: false,
    negatable: true,
    help: "write AGENTS.md and register the Dev Server's MCP for coding agents (default: yes)",
  },
  { name: "yes", key: "yes", takesValue: false, alias: "y", help: "take the defaults for every unanswered question" },
  { name: "force", key: "force", takesValue: false, help: "empty a non-empty target directory (keeps .git)" },
  { name: "dry-run", key: "dryRun", takesValue: false, help: "print the files that would be written, write nothing" },
  { name: "list", key: "list", takesValue: false, help: "list the features and exit" },
  { name: "help", key: "help", takesValue: false, alias: "h", help: "show this help" },
  { name: "version", key: "version", takesValue: false, alias: "v", help: "show the version" },
  {
    name: "json",
    key: "json",
    takesValue: false,
    help: "answer with one JSON object on stdout (schema/output.schema.json); never prompts",
  },
  { name: "debug", key: "debug", takesValue: false, help: "show stack traces on errors" },
  ...generatorFlagSpecs.map((spec) => ({ ...spec, key: "generator" as const, takesValue: spec.value !== undefined })),
];

export function parseArgs(argv: readonly string[]): Flags {
  const flags: Flags = {
    yes: false,
    force: false,
    dryRun: false,
    list: false,
    help: false,
    version: false,
    debug: false,
    offline: false,
    json: false,
    connect: false,
    upgrade: false,
    generator: {},
  };
  const seen = new Map<string, string>();
  const positionals: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue; // `npm create x -- --flag` may pass it through
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }

    const [rawName, inlineValue] = splitFlag(arg);
    const negated = rawName.startsWith("no-") && findSpec(rawName.slice(3))?.negatable === true;
    const spec = negated ? findSpec(rawName.slice(3)) : findSpec(rawName);
    if (!spec) throw unknownFlag(arg, rawName);

    // Two spellings of one option conflict; the generator's flags all fill `generator`, each under its name.
    const seenKey = spec.key === "generator" ? spec.name : spec.key;
    const previous = seen.get(seenKey);
    if (previous !== undefined && !spec.repeatable && (spec.takesValue || previous !== arg)) {
      throw new CliError(`Conflicting flags: ${previous} and ${arg}. Pass only one.`, "conflicting-flags");
    }
    seen.set(seenKey, arg);

    if (!spec.takesValue && spec.key === "generator") {
      if (inlineValue !== undefined)
        throw new CliError(`--${spec.name} takes no value (got "${inlineValue}").`, "invalid-flag-value");
      flags.generator[spec.name] = ["true"];
      continue;
    }
    if (!spec.takesValue) {
      if (inlineValue !== undefined)
        throw new CliError(`--${spec.name} takes no value (got "${inlineValue}").`, "invalid-flag-value");
      (flags as unknown as Record<string, boolean>)[spec.key] = !negated;
      continue;
    }

    let value = inlineValue;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("--") && spec.key !== "generator")) {
        if (spec.key === "function") {
          flags.function = ""; // no id yet: asked in a terminal
          continue;
        }
        throw new CliError(`--${spec.name} needs a value: --${spec.name} <${spec.value}>.`, "missing-flag-value");
      }
      value = next;
      i++;
    }
    if (spec.key === "generator") {
      if (value.trim() === "")
        throw new CliError(`--${spec.name} needs a value: --${spec.name} <${spec.value}>.`, "missing-flag-value");
      flags.generator[spec.name] = [...(flags.generator[spec.name] ?? []), value];
    } else setValue(flags, spec.key as StringFlag, value);
  }

  if (positionals.length > 1) {
    throw new CliError(
      `Expected one target directory, got ${positionals.length}: ${positionals.join(", ")}.`,
      "too-many-arguments",
    );
  }
  if (positionals[0] !== undefined) flags.dir = positionals[0];
  return flags;
}

function splitFlag(arg: string): [name: string, value: string | undefined] {
  const body = arg.replace(/^--?/, "");
  const eq = body.indexOf("=");
  return eq === -1 ? [body, undefined] : [body.slice(0, eq), body.slice(eq + 1)];
}

function findSpec(name: string): FlagSpec | undefined {
  return flagSpecs.find((spec) => spec.name === name || spec.alias === name);
}

function setValue(flags: Flags, key: StringFlag, value: string): void {
  if (value.trim() === "") throw new CliError(`--${key} needs a value.`, "missing-flag-value");
  if (key === "features" || key === "add") {
    flags[key] = value
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean);
  } else {
    flags[key] = value.trim();
  }
}

function unknownFlag(arg: string, name: string): CliError {
  const candidates = flagSpecs.flatMap((spec) => (spec.negatable ? [spec.name, `no-${spec.name}`] : [spec.name]));
  const nearest = closest(name, candidates);
  const hint = nearest ? ` Did you mean --${nearest}?` : "";
  return new CliError(`Unknown flag ${arg}.${hint} Run with --help to see every flag.`, "unknown-flag");
}

/** The candidate within a small edit distance of `input`, if any. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function helpText(version: string): string {
  const row = (spec: FlagSpec) => {
    const names = [spec.alias ? `-${spec.alias}, ` : "    ", spec.negatable ? `--[no-]${spec.name}` : `--${spec.name}`];
    const usage = names.join("") + (spec.value ? ` <${spec.value}>` : "");
    return usage.length < 46 ? `  ${usage.padEnd(46)}${spec.help}` : `  ${usage}\n${" ".repeat(48)}${spec.help}`;
  };
  const rows = flagSpecs.filter((spec) => spec.key !== "generator").map(row);
  const generatorRows = flagSpecs.filter((spec) => spec.key === "generator").map(row);
  return [
    `create-inngest-app ${version}: scaffold an Inngest app on ${frameworkLabels("or")}.`,
    "",
    "Usage:",
    "  npm create inngest-app@latest [dir] -- [flags]",
    "  create-inngest-app [dir] [flags]",
    "",
    "  [dir] is a project name (a valid npm package name) or a path such as ./apps/worker or '.'",
    "  (a path takes its package name from its last folder).",
    "",
    "Flags:",
    ...rows,
    "",
    "Function generator flags (with --function <id>; what they leave out is asked in a terminal):",
    ...generatorRows,
    "",
    "Examples:",
    "  npm create inngest-app@latest my-app",
    "  npm create inngest-app@latest my-app -- --framework hono --features event-basic --yes",
    `  npx create-inngest-app@latest --add event-basic,cron    (in an existing ${frameworkLabels("or")} app)`,
    "  npx create-inngest-app@latest --function sync-contact --event crm/contact.updated \\",
    "    --data contactId:string,email:string --steps load-contact,push-to-crm --retries 5 \\",
    "    --throttle 10/1m,key=event.data.contactId --on-failure    (in an existing Inngest app)",
    "  npx create-inngest-app@latest --upgrade --dry-run    (in an inngest v3 app: show the move to v4)",
  ].join("\n");
}

/** `--help --json`: every flag, as data. */
export function helpJson(version: string): JsonHelpResult {
  const flags = flagSpecs.map((spec) => ({
    name: `--${spec.name}`,
    ...(spec.alias === undefined ? {} : { alias: `-${spec.alias}` }),
    ...(spec.value === undefined ? {} : { value: spec.value }),
    help: spec.help,
    takesValue: spec.takesValue,
    negatable: spec.negatable ?? false,
    repeatable: spec.repeatable ?? false,
    generator: spec.key === "generator",
  }));
  return { ok: true, command: "help", version, flags };
}
