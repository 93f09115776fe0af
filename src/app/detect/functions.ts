import { CliError } from "../../support/errors.js";
import { walk, type AstNode } from "../ast.js";
import { type Project, readSource } from "./project.js";

// The functions an app declares, and the check that new ones do not take an id one of them has:
// Inngest keys a function's runs and history on its id, so two functions of one app cannot share it.

export interface DeclaredFunction {
  id: string;
  exportName?: string;
  file: string;
}

/** Every `createFunction({ id: "..." }, ...)` in the app's sources, with the name it is exported as. */
export function declaredFunctions(project: Project): DeclaredFunction[] {
  const found: DeclaredFunction[] = [];
  for (const file of project.sources) {
    const code = project.files.read(file) ?? "";
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

/** The ids that `createFunction({ id: "..." })` calls give in a source text (a feature's starter file). */
export function functionIdsIn(code: string): string[] {
  return [...code.matchAll(/createFunction\(\s*\{[^}]*?\bid: "([^"]+)"/g)].map((match) => match[1]!);
}

/**
 * Refuses, in one line and before anything is written, new functions whose id or export name the
 * app's own functions already have (an app built from Inngest's examples has a `hello-world`).
 */
export function refuseTakenFunctions(
  project: Project,
  added: readonly { feature: string; ids: string[]; exportName: string; file: string }[],
): void {
  const own = declaredFunctions(project).filter((fn) => !added.some((planned) => planned.file === fn.file));
  for (const planned of added) {
    const sameId = own.find((fn) => planned.ids.includes(fn.id));
    const sameExport = own.find((fn) => fn.exportName === planned.exportName);
    const taken = sameId ?? sameExport;
    if (!taken) continue;
    const what = sameId ? `the id "${sameId.id}"` : `the export name ${planned.exportName}`;
    throw new CliError(
      `--add ${planned.feature}: its function ${planned.exportName} would take ${what} of the app's own function in ${taken.file}; Inngest keys runs on a function's id, so rename the app's function (or leave out ${planned.feature}). Nothing was changed.`,
      "duplicate-function",
    );
  }
}
