import { eventsModule, type EventDeclaration } from "../../contributions/features.js";
import { parseSource, topLevelNames } from "../ast.js";
import { applyEdits, type Editor } from "../plan/change-set.js";
import { importEdit } from "./source-edits.js";

/**
 * The app's one events module with each declaration it lacks: created whole when absent, else the
 * missing declarations appended at its end and the imports they use added after its imports.
 */
export function addEvents(eventsFile: string, declarations: readonly EventDeclaration[], editor: Editor): void {
  if (declarations.length === 0) return;
  const code = editor.read(eventsFile);
  if (code === null) {
    editor.put(eventsFile, eventsModule(declarations));
    return;
  }
  const source = { file: eventsFile, code, program: parseSource(code, eventsFile) };
  const declared = topLevelNames(source.program);
  const missing = declarations.filter((declaration) => !declared.has(declaration.name));
  if (missing.length === 0) return;
  const imports = [...new Set(missing.flatMap((declaration) => declaration.imports))].filter((line) =>
    importedNames(line).some((name) => !declared.has(name)),
  );
  const separator = code === "" ? "" : code.endsWith("\n") ? "\n" : "\n\n";
  const appended = { at: code.length, text: `${separator}${missing.map((d) => `${d.text}\n`).join("\n")}` };
  editor.put(eventsFile, applyEdits(code, imports.length > 0 ? [importEdit(source, imports), appended] : [appended]));
}

function importedNames(line: string): string[] {
  const names = /\{([^}]*)\}/.exec(line)?.[1] ?? "";
  return names
    .split(",")
    .map(
      (name) =>
        name
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
    )
    .filter(Boolean);
}
