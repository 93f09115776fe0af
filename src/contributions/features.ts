import { readFileSync } from "node:fs";
import path from "node:path";
import { EVENTS_FILE, FUNCTIONS_DIR, MIDDLEWARE_DIR, startersDir } from "./layout.js";
import type { DependencyName } from "../support/versions.js";
import type { EnvVar, Feature } from "../features/feature.js";

// What a set of features contributes, read from their declarations. Both appliers (create's
// assembly and `--add`'s splices) take their files, dependencies, env lines and notes from here.

export interface FeatureFile {
  /** Relative to the app's Inngest directory (`src/inngest`). */
  path: string;
  contents: string;
  /** Middleware and test support that several features may need: written only when absent. */
  writeOnce: boolean;
}

/** What one feature writes: functions and tests, middleware, and the test support it needs. */
export function featureFiles(feature: Feature): FeatureFile[] {
  const fromFeature = (name: string) => readFileSync(path.join(startersDir, "features", feature.id, name), "utf8");
  return [
    ...feature.files.map((name) => ({
      path: `${FUNCTIONS_DIR}/${name}`,
      contents: fromFeature(name),
      writeOnce: false,
    })),
    ...(feature.middlewareFiles ?? []).map((name) => ({
      path: `${MIDDLEWARE_DIR}/${name}`,
      contents: fromFeature(name),
      writeOnce: true,
    })),
    ...(feature.supportFiles ?? []).map((name) => ({
      path: name,
      contents: readFileSync(path.join(startersDir, "support", name), "utf8"),
      writeOnce: true,
    })),
  ];
}

/** What every Inngest app depends on, whatever its framework and features. */
export const inngestDependencies: { dependencies: DependencyName[]; devDependencies: DependencyName[] } = {
  dependencies: ["inngest"],
  devDependencies: ["@inngest/test", "vitest"],
};

/** The schema library of `starters/events.ts`, which an app's events module imports. */
const eventSchemaDependencies: DependencyName[] = ["zod"];

export function featureDependencies(features: readonly Feature[]): {
  dependencies: DependencyName[];
  devDependencies: DependencyName[];
} {
  return {
    dependencies: [
      ...inngestDependencies.dependencies,
      ...(neededEvents(features).length > 0 ? eventSchemaDependencies : []),
      ...features.flatMap((f) => f.dependencies ?? []),
    ],
    devDependencies: [...inngestDependencies.devDependencies, ...features.flatMap((f) => f.devDependencies ?? [])],
  };
}

/** Functions the features register, with files relative to the functions folder. */
export function registeredFunctions(features: readonly Feature[]) {
  return features.flatMap((feature) => feature.functions);
}

/**
 * `.env.example` with the features' variables that it does not set yet appended, each under its
 * comment. Unchanged when nothing is missing.
 */
export function envExampleWith(existing: string, features: readonly Feature[]): string {
  const present = new Set([...existing.matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1]!));
  const missing = new Map<string, EnvVar>();
  for (const variable of features.flatMap((feature) => feature.env ?? []))
    if (!present.has(variable.name) && !missing.has(variable.name)) missing.set(variable.name, variable);
  if (missing.size === 0) return existing;
  const lines = [...missing.values()].map((variable) => `# ${variable.comment}\n${variable.name}=`);
  const separator = existing === "" ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
  return `${existing}${separator}${lines.join("\n")}\n`;
}

/** The features' README paragraphs, each once. */
export function readmeNotes(features: readonly Feature[]): string[] {
  return [...new Set(features.flatMap((feature) => (feature.readmeNote ? [feature.readmeNote] : [])))];
}

/** The `## Features` section of a new app's README. */
export function readmeWithFeatures(readme: string, features: readonly Feature[]): string {
  if (features.length === 0) return readme;
  const list = features.map((feature) => `- \`${feature.id}\` (${feature.group}): ${feature.description}.`);
  const notes = readmeNotes(features);
  const tryIt = tryItSection(features);
  return [
    readme.trimEnd(),
    "",
    "## Features",
    "",
    ...list,
    ...notes.flatMap((note) => ["", note]),
    ...(tryIt ? ["", tryIt] : []),
    "",
  ].join("\n");
}

interface TriedEvent {
  name: string;
  data: Record<string, unknown>;
}

/**
 * Per function, the event that runs it and, for the error-handling samples, the one that shows its
 * failure path. A run that sleeps or waits for an event says where (`waits`: the step and its op,
 * `Sleep` or `WaitForEvent`), and one that can be cancelled gives the event that cancels it
 * (`cancel`). The app's tests send the same payloads, from the same file.
 */
export type TryIt = Record<
  string,
  {
    event: TriedEvent;
    waits?: { op: "Sleep" | "WaitForEvent"; step: string; shows: string };
    failure?: { event: TriedEvent; shows: string };
    /** For a function with `cancelOn`: an event that cancels the run the first payload started. */
    cancel?: { event: TriedEvent; shows: string };
  }
>;

export const TRY_IT_SUFFIX = "-try-it.json";

/** The feature's "Try it" payloads, from `starters/features/<id>/<id>-try-it.json`; none if it has no file. */
export function tryItPayloads(feature: Feature): TryIt {
  const file = feature.files.find((name) => name.endsWith(TRY_IT_SUFFIX));
  if (!file) return {};
  return JSON.parse(readFileSync(path.join(startersDir, "features", feature.id, file), "utf8")) as TryIt;
}

function sendInstructions(event: TriedEvent): string[] {
  const json = JSON.stringify(event);
  return [
    "```json",
    JSON.stringify(event, null, 2),
    "```",
    "",
    "```sh",
    `curl -X POST http://127.0.0.1:8288/e/test -d '${json.replaceAll("'", "'\\''")}'`,
    "```",
  ];
}

/** For `--add`'s summary: per function, the event to send from the Dev Server to run it. */
export function tryItNotes(features: readonly Feature[]): string[] {
  return features.flatMap((feature) =>
    Object.entries(tryItPayloads(feature)).map(
      ([functionId, { event }]) => `try ${functionId}: send ${JSON.stringify(event)} from the Dev Server`,
    ),
  );
}

/** The model providers' keys a feature's functions call models with (`OPENAI_API_KEY`...). */
export function modelKeys(feature: Feature): string[] {
  return (feature.env ?? []).map((entry) => entry.name).filter((name) => name.endsWith("_API_KEY"));
}

/** The `## Try it` section: what to paste into the Dev Server's "Send event", or send with curl. */
export function tryItSection(features: readonly Feature[]): string {
  if (features.every((feature) => Object.keys(tryItPayloads(feature)).length === 0)) return "";
  const lines = [
    "## Try it",
    "",
    "Start the app (`dev` script) and the Dev Server (`npx inngest-cli@latest dev`), open",
    "http://localhost:8288, choose **Send event** and paste an event below, or send it with `curl` to the",
    "Dev Server's event API. Each run shows up under **Runs**, step by step. A function that runs on a",
    "schedule, or only when another one invokes it, has no event here: start it from the **Functions**",
    "page with **Invoke**.",
  ];
  for (const feature of features) {
    const keys = modelKeys(feature);
    const modelNote =
      keys.length === 0
        ? []
        : [
            "",
            `It calls models with ${keys.map((key) => `\`${key}\``).join(" and ")} (see \`.env.example\`): set ${keys.length === 1 ? "it" : "them"} in`,
            "`.env.development` first, or its model calls fail.",
          ];
    for (const [functionId, { event, waits, failure, cancel }] of Object.entries(tryItPayloads(feature))) {
      const starts = waits ? `Starts a run that waits: ${waits.shows}.` : "Starts a run:";
      lines.push("", `### \`${functionId}\``, ...modelNote, "", starts, "", ...sendInstructions(event));
      if (failure) lines.push("", `Its failure path: ${failure.shows}.`, "", ...sendInstructions(failure.event));
      if (cancel) lines.push("", `Cancels it: ${cancel.shows}.`, "", ...sendInstructions(cancel.event));
    }
  }
  return lines.join("\n");
}

/** The event names the features need, each once, in catalogue order of first need. */
export function neededEvents(features: readonly Feature[]): string[] {
  return [...new Set(features.flatMap((feature) => feature.events ?? []))];
}

/** One declaration of `starters/events.ts`: its comment and code, and the imports it uses. */
export interface EventDeclaration {
  name: string;
  text: string;
  imports: string[];
}

/**
 * The declarations of `starters/events.ts`, one per `export const <name> =` paragraph (blank lines
 * separate them). Read as text: create parses no code.
 */
export function eventCatalogue(): Map<string, EventDeclaration> {
  const source = readFileSync(path.join(startersDir, EVENTS_FILE), "utf8");
  const lines = source.split("\n");
  const importLines = lines.filter((line) => line.startsWith("import "));
  const body = lines.filter((line) => !line.startsWith("import ")).join("\n");
  const catalogue = new Map<string, EventDeclaration>();
  for (const block of body.split(/\n\s*\n/)) {
    const name = /^export const (\w+) =/m.exec(block)?.[1];
    if (!name) continue;
    const text = block.trim();
    const imports = importLines.filter((line) => {
      const names =
        /\{([^}]*)\}/
          .exec(line)?.[1]
          ?.split(",")
          .map(
            (n) =>
              n
                .trim()
                .split(/\s+as\s+/)
                .pop()!,
          ) ?? [];
      return names.some((imported) => new RegExp(`\\b${imported}\\b`).test(text));
    });
    catalogue.set(name, { name, text, imports });
  }
  return catalogue;
}

export function eventDeclarations(names: readonly string[]): EventDeclaration[] {
  const catalogue = eventCatalogue();
  return names.map((name) => {
    const declaration = catalogue.get(name);
    if (!declaration) throw new Error(`starters/events.ts declares no event "${name}"`);
    return declaration;
  });
}

/** A new app's `events.ts`: the imports the declarations use, then each declaration. */
export function eventsModule(declarations: readonly EventDeclaration[]): string {
  const imports = [...new Set(declarations.flatMap((d) => d.imports))];
  return [...imports, "", ...declarations.flatMap((d) => [d.text, ""])].join("\n");
}
