import { addImportExtension, relativeSpecifier } from "../../contributions/code-text.js";
import { CliError } from "../../support/errors.js";
import { EVENTS_FILE, TESTING_FILE } from "../../contributions/layout.js";
import type { AddPlan } from "../../app/plan/change-set.js";
import type { Project } from "../../app/detect/project.js";
import { declaredFunctions } from "../../app/detect/functions.js";
import { addEvents } from "../../app/edits/events.js";
import { addInngestBase, closePlan, openPlan } from "../../app/plan/plan.js";
import { registerFunctions } from "../../app/edits/register.js";
import { checkSameFields, type DeclaredEvent, findDeclaredEvent, newEventDeclaration } from "./events-module.js";
import { renderFunction, type RenderTarget } from "./render.js";
import { renderTest } from "./render-test.js";
import type { FunctionSpec } from "./spec.js";

// The one place the generator meets the app: where its client, serve handler, events module and
// functions are, and the edits that add one function, over the shared plan of src/app.

export interface FunctionPlan extends AddPlan {
  functionFile: string;
  testFile: string;
}

export function planFunction(project: Project, spec: FunctionSpec, options: { agents?: boolean } = {}): FunctionPlan {
  const draft = openPlan(project);
  const { existing, editor, layout } = draft;
  if (!existing.client || !existing.serve) {
    throw new CliError(
      `No ${existing.client ? "serve(...) handler" : "Inngest client (new Inngest(...))"} found in ${project.dir}: run --add inngest first, or pass --cwd <app dir>. Nothing was written.`,
      "no-inngest-app",
    );
  }
  // What every function's test needs (testing.ts, vitest, @inngest/test), as `--add inngest` gives it.
  addInngestBase(draft, []);
  const extension = project.importExtension;
  const { inngestDir, functionsDir } = layout;
  const functionFile = `${functionsDir}/${spec.id}.ts`;
  const testFile = `${functionsDir}/${spec.id}.test.ts`;
  const eventsFile = `${inngestDir}/${EVENTS_FILE}`;

  const functions = declaredFunctions(project);
  const sameId = functions.find((fn) => fn.id === spec.id);
  if (sameId)
    throw new CliError(
      `--function: the app already has a function with id "${spec.id}" (${sameId.file}); pick another id.`,
      "duplicate-function",
    );
  const sameExport = functions.find((fn) => fn.exportName === spec.exportName);
  if (sameExport || editor.read(functionFile) !== null)
    throw new CliError(
      `--function: ${sameExport?.file ?? functionFile} already holds ${spec.exportName}; pick another id.`,
      "duplicate-function",
    );

  const target: RenderTarget = {
    client: relativeSpecifier(functionsDir, existing.client.file, ""),
    clientExport: existing.client.exportName,
    events: relativeSpecifier(functionsDir, eventsFile, ""),
    testing: relativeSpecifier(functionsDir, `${inngestDir}/${TESTING_FILE}`, ""),
    self: `./${spec.id}`,
  };
  if (spec.invoke) {
    const invoked = functions.find((fn) => fn.exportName === spec.invoke!.exportName);
    if (!invoked)
      throw new CliError(
        `--invoke: the app exports no function named ${spec.invoke.exportName}; pass the export name of one of its functions.`,
        "invalid-flag-value",
      );
    target.invoke = {
      exportName: spec.invoke.exportName,
      specifier: relativeSpecifier(functionsDir, invoked.file, ""),
    };
  }

  if (spec.events.length === 1) {
    const [eventName] = spec.events;
    const declared: DeclaredEvent | undefined = findDeclaredEvent(editor.read(eventsFile) ?? "", eventName!);
    if (declared && spec.data.length > 0) checkSameFields(eventName!, declared, spec.data, eventsFile);
    if (declared?.fields) {
      target.triggerEvent = { exportName: declared.exportName, fields: declared.fields };
    } else if (declared) {
      editor.plan.notes.push(
        `${eventName} is declared in ${eventsFile} with a schema the generator does not read: ${spec.id} triggers on its name; use ${declared.exportName} as the trigger to type it.`,
      );
    } else if (spec.data.length > 0) {
      const declaration = newEventDeclaration(eventName!, spec.data);
      if (new RegExp(`\\b(const|let|var|function|class)\\s+${declaration.name}\\b`).test(editor.read(eventsFile) ?? ""))
        throw new CliError(
          `--data: ${eventsFile} already declares ${declaration.name}, for another event than ${eventName}; rename one of them, or leave out --data to trigger on the name alone.`,
          "conflicting-event",
        );
      addEvents(eventsFile, [declaration], editor);
      target.triggerEvent = { exportName: declaration.name, fields: spec.data };
      draft.wanted.dependencies.add("zod");
    }
  }

  editor.put(functionFile, addImportExtension(renderFunction(spec, target), extension));
  editor.put(testFile, addImportExtension(renderTest(spec, target), extension));
  registerFunctions(project, existing, [{ exportName: spec.exportName, file: functionFile }], editor);
  return { ...closePlan(draft, { agents: options.agents !== false }), functionFile, testFile };
}
