import { type AstNode, indentAt, keyName } from "../../app/ast.js";

/** A replacement of `code.slice(start, end)` by `text`: the rest of the file keeps every byte. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function applySplices(code: string, splices: readonly Splice[]): string {
  let result = code;
  let floor = Number.POSITIVE_INFINITY;
  // From the end of the file; of two insertions at one place, the one planned first stays first.
  const ordered = splices.map((splice, index) => ({ splice, index }));
  ordered.sort((a, b) => b.splice.start - a.splice.start || b.splice.end - a.splice.end || b.index - a.index);
  for (const { splice } of ordered) {
    if (splice.end > floor) throw new Error(`overlapping edits at ${splice.start}`);
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
    floor = splice.start;
  }
  return result;
}

/** 1-based line of an offset, for manual steps. */
export function lineOf(code: string, offset: number): number {
  return code.slice(0, offset).split("\n").length;
}

export function propertyNamed(object: AstNode, name: string): AstNode | undefined {
  return (object.properties as AstNode[]).find(
    (property) => property.type === "ObjectProperty" && !property.computed && keyName(property.key) === name,
  );
}

/**
 * `key: value` added after the last property of an object literal, in its layout: on a line of its
 * own at the last property's indentation when the object spans lines (trailing comma kept as the
 * object has it), else after `, ` on the same line.
 */
export function addProperty(code: string, object: AstNode, property: string, fromIndent?: string): Splice {
  const properties = object.properties as AstNode[];
  const last = properties[properties.length - 1];
  if (!last) {
    const inner = code.slice(object.start + 1, object.end - 1);
    const text = inner.includes("\n")
      ? `{\n${indentAt(code, object.start)}  ${property},${inner.slice(inner.lastIndexOf("\n"))}}`
      : `{ ${property} }`;
    return { start: object.start, end: object.end, text };
  }
  const between = code.slice(last.end, object.end - 1);
  const comma = /^\s*,/.exec(between);
  const multiline = /\n/.test(code.slice(object.start, properties[0]!.start));
  if (!multiline) {
    const text = fromIndent === undefined ? property : reindent(property, fromIndent, indentAt(code, object.start));
    return { start: last.end, end: last.end, text: `, ${text}` };
  }
  const indent = indentAt(code, last.start);
  const text = fromIndent === undefined ? property : reindent(property, fromIndent, indent);
  return comma
    ? { start: last.end + comma[0].length, end: last.end + comma[0].length, text: `\n${indent}${text},` }
    : { start: last.end, end: last.end, text: `,\n${indent}${text}` };
}

/**
 * Removes properties of an object literal with their separators: each up to the property after it
 * (whole lines when they are on lines of their own); a run at the end from the end of the last
 * property kept, the object's trailing comma kept as it was.
 */
export function removeProperties(code: string, object: AstNode, removed: readonly AstNode[]): Splice[] {
  const properties = object.properties as AstNode[];
  const lineStart = (node: AstNode) => code.lastIndexOf("\n", node.start - 1) + 1;
  const ownLine = (node: AstNode) => code.slice(lineStart(node), node.start).trim() === "";
  const startOf = (node: AstNode) => (ownLine(node) ? lineStart(node) : node.start);
  const lastKept = properties.findLastIndex((property) => !removed.includes(property));
  const splices: Splice[] = [];
  for (const [index, property] of properties.entries()) {
    if (!removed.includes(property) || index > lastKept) continue;
    const next = properties[index + 1]!;
    splices.push({ start: startOf(property), end: ownLine(next) ? lineStart(next) : next.start, text: "" });
  }
  if (lastKept < properties.length - 1) {
    const last = properties[properties.length - 1]!;
    const trailing = /^\s*,/.exec(code.slice(last.end, object.end - 1))?.[0].length ?? 0;
    if (lastKept === -1) splices.push({ start: properties[0]!.start, end: last.end + trailing, text: "" });
    else {
      const kept = properties[lastKept]!;
      const comma = trailing > 0 ? (/^\s*,/.exec(code.slice(kept.end))?.[0].length ?? 0) : 0;
      splices.push({ start: kept.end + comma, end: last.end + trailing, text: "" });
    }
  }
  return splices;
}

/** `text` whose continuation lines were indented under `from`, moved under `to`. */
export function reindent(text: string, from: string, to: string): string {
  if (from === to || text.includes("`")) return text;
  const lines = text.split("\n");
  if (!lines.slice(1).every((line) => line === "" || line.startsWith(from))) return text;
  return [lines[0], ...lines.slice(1).map((line) => (line === "" ? line : to + line.slice(from.length)))].join("\n");
}
