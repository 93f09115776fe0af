import { afterLastImport, type AstNode } from "../ast.js";
import type { Edit } from "../plan/change-set.js";
import type { Source } from "../detect/project.js";

export function isCall(node: AstNode | undefined, object: string, method: string): boolean {
  return (
    node?.type === "CallExpression" &&
    node.callee.type === "MemberExpression" &&
    node.callee.object.type === "Identifier" &&
    node.callee.object.name === object &&
    node.callee.property.name === method
  );
}

/** The file's own quotes and semicolons, read from its first import, applied to generated lines. */
export function inStyleOf(source: Source, line: string): string {
  const first = (source.program.body as AstNode[]).find((statement) => statement.type === "ImportDeclaration");
  if (!first) return line;
  const text = source.code.slice(first.start, first.end);
  let styled = text.includes("'") ? line.replace(/"/g, "'") : line;
  if (!text.endsWith(";")) styled = styled.replace(/;$/, "");
  return styled;
}

/** New import lines after the last import (or at the top), on their own lines. */
export function importEdit(source: Source, generated: string[]): Edit {
  const lines = generated.map((line) => inStyleOf(source, line));
  const at = afterLastImport(source.program);
  return at === 0 ? { at: 0, text: `${lines.join("\n")}\n\n` } : { at, text: `\n${lines.join("\n")}` };
}
