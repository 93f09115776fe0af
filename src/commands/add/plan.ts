import path from "node:path";
import { functionsIndex } from "../../contributions/code-text.js";
import {
  eventDeclarations,
  featureFiles,
  neededEvents,
  readmeNotes,
  registeredFunctions,
  tryItNotes,
} from "../../contributions/features.js";
import { EVENTS_FILE, FUNCTIONS_DIR } from "../../contributions/layout.js";
import type { Feature } from "../../features/index.js";
import type { AddPlan } from "../../app/plan/change-set.js";
import { readSource, type Project } from "../../app/detect/project.js";
import { addEvents } from "../../app/edits/events.js";
import { functionIdsIn, refuseTakenFunctions } from "../../app/detect/functions.js";
import { mountServeHandler } from "../../app/edits/mount.js";
import { registerClientMiddleware, registerFunctions, registerInArrayOf } from "../../app/edits/register.js";
import { addInngestBase, closePlan, inThisApp, openPlan } from "../../app/plan/plan.js";

/**
 * Every change `--add` would make, computed from the files; writes nothing. The same contributions
 * as create's (commands/create/plan.ts), spliced into the app's own files where parsing finds their place.
 */
export function planAdd(project: Project, requested: readonly Feature[], options: { agents?: boolean } = {}): AddPlan {
  const draft = openPlan(project);
  const { editor, layout, existing } = draft;
  const { read, put, plan } = editor;
  const { inngestDir, functionsDir, clientFile, clientExport } = layout;

  for (const feature of requested) {
    const present = feature.files.every((name) => read(`${functionsDir}/${name}`) !== null);
    (present ? plan.skipped : plan.added).push(feature);
  }
  refuseTakenFunctions(
    project,
    plan.added.flatMap((feature) =>
      feature.functions.map((fn) => {
        const file = featureFiles(feature).find((starter) => starter.path.endsWith(`/${fn.file}`))!;
        return {
          feature: feature.id,
          ids: functionIdsIn(file.contents),
          exportName: fn.exportName,
          file: placed(file, layout).target,
        };
      }),
    ),
  );
  addInngestBase(draft, plan.added);

  // The features' files, events, middleware and functions.
  for (const file of plan.added.flatMap(featureFiles)) {
    const { target, contents } = placed(file, layout);
    if (!file.writeOnce || read(target) === null) put(target, inThisApp(draft, contents, path.posix.dirname(target)));
  }
  addEvents(`${inngestDir}/${EVENTS_FILE}`, eventDeclarations(neededEvents(plan.added)), editor);
  const middleware = plan.added.flatMap((feature) => feature.clientMiddleware ?? []);
  if (middleware.length > 0) registerClientMiddleware(clientFile, inngestDir, middleware, editor);
  const newFunctions = registeredFunctions(plan.added).map((fn) => ({ ...fn, file: `${functionsDir}/${fn.file}` }));
  if (existing.serve) {
    registerFunctions(project, existing, newFunctions, editor);
  } else {
    const indexFile = `${functionsDir}/index.ts`;
    if (read(indexFile) === null)
      put(indexFile, functionsIndex(registeredFunctions(plan.added), project.importExtension));
    else registerInArrayOf(readSource(project, indexFile), "functions", newFunctions, editor);
    mountServeHandler(project, { clientFile, clientExport, indexFile }, editor);
  }

  // README paragraphs go in the summary: the app's README is the user's own.
  plan.notes.push(...readmeNotes(plan.added), ...tryItNotes(plan.added));
  return closePlan(draft, { agents: options.agents !== false });
}

/** Where a feature's file goes, and its text there: up one folder when the layout is flat. */
function placed(file: { path: string; contents: string }, layout: { inngestDir: string; flat: boolean }) {
  const { inngestDir, flat } = layout;
  return flat && file.path.startsWith(`${FUNCTIONS_DIR}/`)
    ? {
        target: `${inngestDir}/${file.path.slice(FUNCTIONS_DIR.length + 1)}`,
        contents: file.contents.replace(/ from "\.\.\//g, ' from "./'),
      }
    : { target: `${inngestDir}/${file.path}`, contents: file.contents };
}
