import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type AddPlan, changeSet } from "../../app/plan/change-set.js";
import { parseSource } from "../../app/ast.js";
import { findInngest, type Project, type Source } from "../../app/detect/project.js";
import { addDevEnvToScript } from "../../app/edits/dev-script.js";
import { editManifest } from "../../app/edits/manifest.js";
import { addDevMode } from "../../app/plan/dev-mode.js";
import { baseFile } from "../../contributions/layout.js";
import { CliError } from "../../support/errors.js";
import { type MovedFunction, newDraft } from "./draft.js";
import { applySplices, lineOf, propertyNamed } from "./splice.js";
import { moveTriggers } from "./transforms/create-function.js";
import { reportEventUser } from "./transforms/event-user.js";
import { referenceInvokedFunctions } from "./transforms/invoke.js";
import { guardMountMethods } from "./transforms/mount-methods.js";
import { reportMiddleware } from "./transforms/middleware.js";
import { raiseInngestPackages } from "./transforms/manifest.js";
import { declareEventTypes, useEventTypes } from "./transforms/event-schemas.js";
import { type ClientSource, clientIn, upgradeServeOptions } from "./transforms/serve-options.js";

export interface UpgradePlan extends AddPlan {
  /** The functions whose triggers moved into their options. */
  moved: MovedFunction[];
  /** The inngest range package.json asked for before. */
  fromRange: string;
}

/** Every change that takes the app from inngest v3 to v4, planned over its files as they are. */
export function planUpgrade(project: Project): UpgradePlan {
  const fromRange = inngestRange(project);
  const { editor, changes } = changeSet((file) => {
    const absolute = path.join(project.dir, file);
    return existsSync(absolute) ? readFileSync(absolute, "utf8") : null;
  }, project.importExtension);
  const draft = newDraft();
  const files = project.sources.filter((file) => editor.read(file)!.includes("inngest"));
  /** One pass of transforms over the files as planned so far; its edits are applied before the next pass reads them. */
  const pass = (transform: (sources: Source[], client: ClientSource | undefined) => void) => {
    const sources = files.map((file) => ({
      file,
      code: editor.read(file)!,
      program: parseSource(editor.read(file)!, file),
    }));
    transform(
      sources,
      sources.map(clientIn).find((found) => found !== undefined),
    );
    for (const [file, splices] of draft.splices) editor.put(file, applySplices(editor.read(file)!, splices));
    draft.splices.clear();
  };
  pass((sources, client) => {
    const events = client ? declareEventTypes(client, draft) : [];
    const clientRef = client && findInngest(project).client;
    if (clientRef) for (const source of sources) useEventTypes(project, source, clientRef, events, draft);
  });
  let client: ClientSource | undefined;
  pass((sources, found) => {
    client = found;
    const appId = clientId(found);
    for (const source of sources) {
      referenceInvokedFunctions(source, appId, draft);
      reportMiddleware(source, draft);
      reportEventUser(source, draft);
      moveTriggers(source, draft);
      upgradeServeOptions(source, found, draft);
      guardMountMethods(source, project.framework, draft);
    }
  });
  noteIsDev(client, draft.notes);

  const raised = raiseInngestPackages(project);
  const scripts: Record<string, string> = {};
  if (!project.devEnv.readByDevServer) addDevEnvToScript(project, editor, scripts);
  editor.put("package.json", editManifest(project, raised.dependencies, raised.devDependencies, scripts));
  addDevMode(editor, project.devEnv.file, baseFile(project.framework, ".env.development"));

  const plan = editor.plan;
  plan.dependencies = raised.dependencies;
  plan.devDependencies = raised.devDependencies;
  plan.manual.push(...draft.manual);
  plan.notes.push(...draft.notes, ...raised.notes);
  plan.changes = [...changes.values()].sort((a, b) => a.path.localeCompare(b.path));
  return { ...plan, moved: draft.moved, fromRange };
}

function inngestRange(project: Project): string {
  const range = project.manifest.dependencies?.inngest ?? project.manifest.devDependencies?.inngest;
  if (typeof range !== "string")
    throw new CliError(
      "This app does not depend on inngest: --upgrade moves an Inngest v3 app to v4 (use --add to add Inngest). Nothing was changed.",
      "no-inngest-app",
    );
  return range;
}

/** v4 keeps an `isDev: true` client in dev mode wherever it runs, production included. */
function noteIsDev(client: ClientSource | undefined, notes: string[]): void {
  const options = client?.options;
  if (options?.type !== "ObjectExpression") return;
  const isDev = propertyNamed(options, "isDev");
  if (!isDev) return;
  const { file, code } = client!.source;
  notes.push(
    `${file}:${lineOf(code, isDev.start)}: the client sets isDev (${code.slice(isDev.value.start, isDev.value.end)}): v4 uses it over INNGEST_DEV, so a true value keeps production in dev mode; the dev script now sets INNGEST_DEV=1, so it can go.`,
  );
}

/** The client's `id`, when it is written as a string. */
function clientId(client: ClientSource | undefined): string | undefined {
  const id = client?.options?.type === "ObjectExpression" ? propertyNamed(client.options, "id")?.value : undefined;
  return id?.type === "StringLiteral" ? id.value : undefined;
}
