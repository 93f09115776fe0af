import { type Node, parseTree, type ParseError } from "jsonc-parser";
import { type McpConfigFile, mcpEntryLine, MCP_SERVER_NAME } from "../../contributions/mcp.js";

// The Dev Server's MCP entry spliced into a tool's existing project file (JSON with comments):
// jsonc-parser reads the file, the entry is inserted as one piece of text, every other byte kept.

export type McpMerge =
  | { kind: "unchanged" }
  | { kind: "insert"; at: number; text: string; after: string }
  | { kind: "manual"; reason: string };

/**
 * The existing file with the `inngest` server added to its servers object, every other byte kept;
 * unchanged when a server of that name is there already (the user's own is left alone); manual when
 * the file is not a JSON object (comments allowed) whose servers key, if present, holds an object.
 */
export function withMcpServer(existing: string, file: McpConfigFile): McpMerge {
  const top = readObject(existing);
  if (!top) return { kind: "manual", reason: "it is not a JSON object" };
  const servers = top.members.find((member) => member.key === file.serversKey);
  const unit = indentUnit(existing);
  if (!servers) {
    const member = `${JSON.stringify(file.serversKey)}: { ${mcpEntryLine(file)} }`;
    return insertMember(existing, top, member, unit);
  }
  if (servers.value.type !== "object") return { kind: "manual", reason: `its "${file.serversKey}" is not an object` };
  const inner = objectOf(existing, servers.value);
  if (inner.members.some((member) => member.key === MCP_SERVER_NAME)) return { kind: "unchanged" };
  return insertMember(existing, inner, mcpEntryLine(file), unit);
}

/**
 * The file with each of the tool's other settings added at the top level, one line each, where the
 * file does not set that key (a user's own `context`, say, is left alone); as it was if it is not a
 * JSON object (withMcpServer has said so).
 */
export function withToolSettings(existing: string, file: McpConfigFile): string {
  let text = existing;
  for (const [key, value] of Object.entries(file.settings ?? {})) {
    const top = readObject(text);
    if (!top) return existing;
    if (top.members.some((member) => member.key === key)) continue;
    const merged = insertMember(text, top, `${JSON.stringify(key)}: ${oneLineJson(value)}`, indentUnit(text));
    if (merged.kind === "insert") text = merged.after;
  }
  return text;
}

/** `{ "fileName": ["AGENTS.md", "GEMINI.md"] }`: JSON on one line, spaced as formatters print it. */
function oneLineJson(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, " ").replace(/\[ /g, "[").replace(/ \]/g, "]");
}

interface JsonMember {
  key: string;
  start: number;
  value: Node;
  valueEnd: number;
}

interface JsonObject {
  start: number;
  /** Just after the closing brace. */
  end: number;
  members: JsonMember[];
  /** The offset just after the last member's value, or after its trailing comma if it has one. */
  lastEnd: number;
  trailingComma: boolean;
}

function insertMember(text: string, object: JsonObject, member: string, unit: string): McpMerge {
  const last = object.members.at(-1);
  let at: number;
  let insertion: string;
  if (!last) {
    // An empty object: the member on a line of its own, one level deeper than the brace's line.
    const braceIndent = lineIndent(text, object.start);
    at = object.start + 1;
    insertion = `\n${braceIndent}${unit}${member}\n${braceIndent}`;
    return { kind: "insert", at, text: insertion, after: text.slice(0, at) + insertion + text.slice(at) };
  }
  const sameLine = !text.slice(object.start, last.start).includes("\n");
  const indent = sameLine ? " " : `\n${lineIndent(text, last.start)}`;
  if (object.trailingComma) {
    at = object.lastEnd;
    insertion = `${indent}${member},`;
  } else {
    at = last.valueEnd;
    insertion = `,${indent}${member}`;
  }
  return { kind: "insert", at, text: insertion, after: text.slice(0, at) + insertion + text.slice(at) };
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
}

/** Skips whitespace and comments from `i`. */
/** The file's top-level object, as the insertion needs it; undefined when the file is not one. */
function readObject(text: string): JsonObject | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || root?.type !== "object") return undefined;
  return objectOf(text, root);
}

function objectOf(text: string, node: Node): JsonObject {
  const members: JsonMember[] = (node.children ?? []).map((property) => {
    const [key, value] = property.children!;
    return { key: key!.value as string, start: key!.offset, value: value!, valueEnd: value!.offset + value!.length };
  });
  const last = members.at(-1);
  let lastEnd = node.offset + 1;
  let trailingComma = false;
  if (last) {
    lastEnd = last.valueEnd;
    // After the last value, past comments and blanks: a comma there is a trailing one.
    const comma = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*,/.exec(text.slice(last.valueEnd));
    if (comma) {
      trailingComma = true;
      lastEnd = last.valueEnd + comma[0].length;
    }
  }
  return { start: node.offset, end: node.offset + node.length, members, lastEnd, trailingComma };
}
