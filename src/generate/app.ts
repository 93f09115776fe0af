import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { addImportExtension, relativeSpecifier } from "../code-text.js";
import { CliError } from "../errors.js";
import { EVENTS_FILE, FUNCTIONS_DIR, INNGEST_DIR, TESTING_FILE } from "../layout.js";
import { versions } from "../versions.js";
import { walk, type AstNode } from "../add/ast.js";
import { type AddPlan, changeSet } from "../add/changes.js";
import { findInngest, type Project, readSource } from "../add/detect.js";
import { addEvents } from "../add/events.js";
import { editManifest, planAdd } from "../add/plan.js";
import { registerFunctions } from "../add/register.js";
import { checkSameFields, type DeclaredEvent, findDeclaredEvent, newEventDeclaration } from "./events-module.js";
import { renderFunction, type RenderTarget } from "./render.js";
import { renderTest } from "./render-test.js";
import type { FunctionSpec } from "./spec.js";

// The one place the generator meets the app: where its client, serve handler, events module and
// functions are, and the edits that add one function. Every call into src/add goes through here.

export interface FunctionPlan extends AddPlan {
  functionFile: string;
  testFile: string;
}

export function planFunction(project: Project, spec: FunctionSpec): FunctionPlan {
  const existing = findInngest(project);
  if (!existing.client || !existing.serve) {
    throw new CliError(
      `No ${existing.client ? "serve(...) handler" : "Inngest client (new Inngest(...))"} found in ${project.dir}: run --add inngest first, or pass --cwd <app dir>. Nothing was written.`,
      "no-inngest-app",
    );
  }
  // What every function's test needs (testing.ts, vitest, @inngest/test), as `--add inngest` gives it.
  const base = planAdd(project, []);
  const planned = new Map(base.changes.map((change) => [change.path, change.after]));
  const { editor, changes } = changeSet((file) => {
    if (planned.has(file)) return planned.get(file)!;
    const absolute = path.join(project.dir, file);
    return existsSync(absolute) ? readFileSync(absolute, "utf8") : null;
  }, project.importExtension);
  const extension = project.importExtension;

  const clientDir = path.posix.dirname(existing.client.file);
  const inngestDir =
    path.posix.basename(clientDir) === "inngest"
      ? clientDir
      : project.srcDir
        ? INNGEST_DIR
        : path.posix.basename(INNGEST_DIR);
  const functionsDir = `${inngestDir}/${FUNCTIONS_DIR}`;
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

  const dependencies = { ...base.dependencies };
  if (spec.events.length === 1) {
    const [eventName] = spec.events;
    const declared: DeclaredEvent | undefined = findDeclaredEvent(editor.read(eventsFile) ?? "", eventName!);
    if (declared && spec.data.length > 0) checkSameFields(eventName!, declared, spec.data, eventsFile);
    if (declared?.fields) {
      target.triggerEvent = { exportName: declared.exportName, fields: declared.fields };
    } else if (declared) {
      base.notes.push(
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
      const has = { ...project.manifest.dependencies, ...project.manifest.devDependencies };
      if (!("zod" in has)) dependencies.zod = versions.zod;
    }
  }

  editor.put(functionFile, addImportExtension(renderFunction(spec, target), extension));
  editor.put(testFile, addImportExtension(renderTest(spec, target), extension));
  registerFunctions(project, existing, [{ exportName: spec.exportName, file: functionFile }], editor);

  if (Object.keys(dependencies).length > Object.keys(base.dependencies).length) {
    const scripts = (project.manifest.scripts ?? {}) as Record<string, string>;
    const manifest = editManifest(
      project,
      dependencies,
      base.devDependencies,
      scripts.test === undefined ? { test: "vitest run" } : {},
    );
    if (manifest === undefined)
      base.manual.push({
        file: "package.json",
        where: "add this dependency",
        lines: [`"dependencies": "zod": "${versions.zod}"`],
      });
    else editor.put("package.json", manifest);
  }

  const before = (file: string) => {
    const absolute = path.join(project.dir, file);
    return existsSync(absolute) ? readFileSync(absolute, "utf8") : null;
  };
  const merged = new Map(base.changes.map((change) => [change.path, change]));
  for (const change of changes.values()) merged.set(change.path, { ...change, before: before(change.path) });
  return {
    ...base,
    dependencies,
    manual: [...base.manual, ...editor.plan.manual],
    notes: [...base.notes, ...editor.plan.notes],
    changes: [...merged.values()].sort((a, b) => a.path.localeCompare(b.path)),
    functionFile,
    testFile,
  };
}

interface DeclaredFunction {
  id: string;
  exportName?: string;
  file: string;
}

/** Every `createFunction({ id: "..." }, ...)` in the app's sources, with the name it is exported as. */
function declaredFunctions(project: Project): DeclaredFunction[] {
  const found: DeclaredFunction[] = [];
  for (const file of project.sources) {
    const code = readFileSync(path.join(project.dir, file), "utf8");
    if (!code.includes("createFunction")) continue;
    const source = readSource(project, file);
    walk(source.program, (node: AstNode, ancestors: AstNode[]) => {
      if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return;
      if (node.callee.property?.name !== "createFunction") return;
      const options = node.arguments[0];
      if (options?.type !== "ObjectExpression") return;
      const idProperty = (options.properties as AstNode[]).find(
        (property) => property.type === "ObjectProperty" && property.key.name === "id",
      );
      if (idProperty?.value.type !== "StringLiteral") return;
      const declarator = [...ancestors].reverse().find((ancestor) => ancestor.type === "VariableDeclarator");
      const exported = ancestors.some((ancestor) => ancestor.type === "ExportNamedDeclaration");
      found.push({
        id: idProperty.value.value,
        file,
        ...(declarator && exported && { exportName: declarator.id.name }),
      });
    });
  }
  return found;
}
