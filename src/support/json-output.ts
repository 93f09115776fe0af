import path from "node:path";
import type { CliError, ErrorCode } from "./errors.js";
import { toAppId } from "./names.js";

// `--json`: every command answers with one JSON object on stdout, described by
// schema/output.schema.json; logs go to stderr. The generator (`--function`) uses the same envelope.

export type JsonCommand = "create" | "add" | "list" | "function" | "upgrade";

export interface JsonFile {
  /** Relative to the app's directory, forward slashes. */
  path: string;
  action: "create" | "change";
}

export interface JsonFunction {
  /** The id given to createFunction; Inngest registers it as `<appId>-<id>`. */
  id: string;
  exportName: string;
  file: string;
}

export interface JsonManualStep {
  file: string;
  where: string;
  lines: string[];
}

/** What create, --add and --function did (or, with `dryRun`, would do). */
export interface JsonChangeResult {
  ok: true;
  command: "create" | "add" | "function" | "upgrade";
  dryRun: boolean;
  /** Absolute path of the app. */
  directory: string;
  appId: string;
  framework: string;
  packageManager: string;
  features: string[];
  files: JsonFile[];
  functions: JsonFunction[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  /** --add and --function: packages the app had too old for the added code, raised in package.json. */
  raised?: JsonRaised[];
  /** Shell commands to run next, in order, from the directory the command ran in. */
  nextSteps: string[];
  warnings: string[];
  /** Edits left to the user (the exit code is then 2). */
  manualSteps: JsonManualStep[];
  /** `--function`: the configuration the new function registers, as the SDK syncs it. */
  config?: Record<string, unknown>;
}

export interface JsonRaised {
  name: string;
  section: "dependencies" | "devDependencies";
  from: string;
  to: string;
  /** The range needed, and what needs it ("inngest 4.24.0"). */
  needs: string;
  neededBy: string;
}

/** What both --add and --function know of the app they changed, and of the change. */
interface AppChange {
  project: {
    dir: string;
    manifest: { name?: unknown };
    framework: { id: string };
    packageManager: string;
  };
  changes: readonly { path: string; before: string | null }[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  raised: readonly {
    name: string;
    section: JsonRaised["section"];
    from: string;
    to: string;
    need: { range: string; by: string };
  }[];
  manual: JsonManualStep[];
}

/** The envelope's fields that --add and --function fill alike: the app, its files and dependencies. */
export function appChangeResult(
  command: "add" | "function" | "upgrade",
  { project, changes, dependencies, devDependencies, raised, manual }: AppChange,
  dryRun: boolean,
): Omit<JsonChangeResult, "features" | "functions" | "nextSteps" | "warnings" | "config"> {
  return {
    ok: true,
    command,
    dryRun,
    directory: project.dir,
    appId: toAppId(String(project.manifest.name ?? path.basename(project.dir))),
    framework: project.framework.id,
    packageManager: project.packageManager,
    files: changes.map((change) => ({ path: change.path, action: change.before === null ? "create" : "change" })),
    dependencies,
    devDependencies,
    raised: raised.map(({ name, section, from, to, need }) => ({
      name,
      section,
      from,
      to,
      needs: need.range,
      neededBy: need.by,
    })),
    manualSteps: manual,
  };
}

export interface JsonListResult {
  ok: true;
  command: "list";
  frameworks: { id: string; label: string }[];
  features: { id: string; label: string; group: string; description: string }[];
}

export interface JsonFlag {
  /** As typed: `--framework`. */
  name: string;
  alias?: string;
  value?: string;
  help: string;
  takesValue: boolean;
  negatable: boolean;
  repeatable: boolean;
  /** Goes with `--function <id>`. */
  generator: boolean;
}

export interface JsonHelpResult {
  ok: true;
  command: "help";
  version: string;
  flags: JsonFlag[];
}

export interface JsonVersionResult {
  ok: true;
  command: "version";
  version: string;
}

export interface JsonFailure {
  ok: false;
  /** Undefined when the flags could not be read. */
  command?: JsonCommand;
  error: { code: ErrorCode; message: string; exitCode: number; missing?: string[] };
}

export type JsonOutput = JsonChangeResult | JsonListResult | JsonHelpResult | JsonVersionResult | JsonFailure;

export function printJson(output: JsonOutput): void {
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

export function failureJson(error: CliError, command: JsonCommand | undefined): JsonFailure {
  return {
    ok: false,
    ...(command === undefined ? {} : { command }),
    error: {
      code: error.code,
      message: error.message.split("\n")[0] ?? error.message,
      exitCode: error.exitCode,
      ...(error.missing === undefined ? {} : { missing: error.missing }),
    },
  };
}

/** The functions registered, with the id each one's file gives createFunction. */
export function functionsOf(
  refs: readonly { exportName: string; file: string }[],
  functionsDir: string,
  contentsOf: (file: string) => string | undefined,
): JsonFunction[] {
  return refs.map((ref) => {
    const file = `${functionsDir}/${ref.file}`;
    const source = contentsOf(file) ?? "";
    const declaration = new RegExp(
      `export const ${ref.exportName}\\b[\\s\\S]*?createFunction\\(\\s*\\{[^}]*?\\bid: "([^"]+)"`,
    );
    return { id: declaration.exec(source)?.[1] ?? ref.exportName, exportName: ref.exportName, file };
  });
}
