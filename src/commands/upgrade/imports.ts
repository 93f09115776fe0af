import { type AstNode, keyName } from "../../app/ast.js";
import type { Source } from "../../app/detect/project.js";
import { importEdit } from "../../app/edits/source-edits.js";
import type { Splice } from "./splice.js";

/** The `import { ... } from "inngest"` of the file without `drop` and with `add`. */
export function editInngestImport(source: Source, drop: string[], add: string[]): Splice | undefined {
  const declaration = (source.program.body as AstNode[]).find(
    (statement) =>
      statement.type === "ImportDeclaration" &&
      statement.source.value === "inngest" &&
      statement.importKind !== "type" &&
      (statement.specifiers as AstNode[]).some((specifier) => specifier.type === "ImportSpecifier"),
  );
  if (!declaration) {
    if (add.length === 0) return undefined;
    const edit = importEdit(source, [`import { ${add.join(", ")} } from "inngest";`]);
    return { start: edit.at, end: edit.at, text: edit.text };
  }
  const specifiers = (declaration.specifiers as AstNode[]).filter((specifier) => specifier.type === "ImportSpecifier");
  const texts = specifiers
    .filter((specifier) => !drop.includes(keyName(specifier.imported) ?? ""))
    .map((specifier) => source.code.slice(specifier.start, specifier.end));
  const have = new Set(specifiers.map((specifier) => specifier.local.name as string));
  for (const name of add) if (!have.has(name)) texts.push(name);
  const first = specifiers[0]!;
  const last = specifiers[specifiers.length - 1]!;
  const text = texts.join(", ");
  return text === source.code.slice(first.start, last.end) ? undefined : { start: first.start, end: last.end, text };
}
