// The Inngest Dev Server's MCP endpoint, registered in the project files of the coding tools that
// read one. Formats as each tool documents its project file (checked 2026-11-25):
// Claude Code `.mcp.json` and Cursor `.cursor/mcp.json` under `mcpServers`, VS Code
// `.vscode/mcp.json` under `servers` with `type: "http"`, Gemini CLI `.gemini/settings.json` under
// `mcpServers` with `httpUrl` (its `url` means SSE). Gemini CLI reads GEMINI.md unless its settings'
// `context.fileName` names other files: AGENTS.md is named there, with GEMINI.md kept.

export const DEV_SERVER_MCP_URL = "http://127.0.0.1:8288/mcp";
export const MCP_SERVER_NAME = "inngest";

export interface McpConfigFile {
  path: string;
  tool: string;
  serversKey: "mcpServers" | "servers";
  entry: Record<string, string>;
  /** Other top-level settings the tool needs, added when the file does not set them already. */
  settings?: Record<string, unknown>;
}

export const mcpConfigFiles: readonly McpConfigFile[] = [
  {
    path: ".mcp.json",
    tool: "Claude Code",
    serversKey: "mcpServers",
    entry: { type: "http", url: DEV_SERVER_MCP_URL },
  },
  { path: ".cursor/mcp.json", tool: "Cursor", serversKey: "mcpServers", entry: { url: DEV_SERVER_MCP_URL } },
  {
    path: ".vscode/mcp.json",
    tool: "VS Code",
    serversKey: "servers",
    entry: { type: "http", url: DEV_SERVER_MCP_URL },
  },
  {
    path: ".gemini/settings.json",
    tool: "Gemini CLI",
    serversKey: "mcpServers",
    entry: { httpUrl: DEV_SERVER_MCP_URL },
    settings: { context: { fileName: ["AGENTS.md", "GEMINI.md"] } },
  },
];

/** A new configuration file holding only the Dev Server. */
export function newMcpConfig(file: McpConfigFile): string {
  const text = JSON.stringify({ [file.serversKey]: { [MCP_SERVER_NAME]: file.entry }, ...file.settings }, null, 2);
  // A short array of strings on one line, as formatters print it.
  return `${text.replace(/\[\n\s*("[^"\n]*"(?:,\n\s*"[^"\n]*")*)\n\s*\]/g, (_, items: string) => `[${items.replace(/,\n\s*/g, ", ")}]`)}\n`;
}

/** The entry as one line of JSON: `"inngest": { ... }`. */
export function mcpEntryLine(file: McpConfigFile): string {
  const fields = Object.entries(file.entry).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `${JSON.stringify(MCP_SERVER_NAME)}: { ${fields.join(", ")} }`;
}

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
  let top: JsonObject;
  try {
    top = readObject(existing, skipBlank(existing, 0));
    if (skipBlank(existing, top.end) !== existing.length) throw new Error("text after the object");
  } catch {
    return { kind: "manual", reason: "it is not a JSON object" };
  }
  const servers = top.members.find((member) => member.key === file.serversKey);
  const unit = indentUnit(existing);
  if (!servers) {
    const member = `${JSON.stringify(file.serversKey)}: { ${mcpEntryLine(file)} }`;
    return insertMember(existing, top, member, unit);
  }
  if (existing[servers.valueStart] !== "{")
    return { kind: "manual", reason: `its "${file.serversKey}" is not an object` };
  const inner = readObject(existing, servers.valueStart);
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
    let top: JsonObject;
    try {
      top = readObject(text, skipBlank(text, 0));
    } catch {
      return existing;
    }
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
  valueStart: number;
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
function skipBlank(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end + 1;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) throw new Error("unclosed comment");
      i = end + 2;
    } else return i;
  }
}

function readString(text: string, from: number): { value: string; end: number } {
  let i = from + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  if (i >= text.length) throw new Error("unclosed string");
  return { value: JSON.parse(text.slice(from, i + 1)) as string, end: i + 1 };
}

/** The end of the JSON value at `from`. */
function skipValue(text: string, from: number): number {
  const first = text[from];
  if (first === '"') return readString(text, from).end;
  if (first === "{") return readObject(text, from).end;
  if (first === "[") {
    let i = skipBlank(text, from + 1);
    while (text[i] !== "]") {
      i = skipBlank(text, skipValue(text, i));
      if (text[i] === ",") i = skipBlank(text, i + 1);
      else if (text[i] !== "]") throw new Error("expected , or ]");
    }
    return i + 1;
  }
  const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(from));
  if (!literal) throw new Error("not a JSON value");
  return from + literal[0].length;
}

function readObject(text: string, from: number): JsonObject {
  if (text[from] !== "{") throw new Error("not an object");
  const members: JsonMember[] = [];
  let i = skipBlank(text, from + 1);
  let lastEnd = from + 1;
  let trailingComma = false;
  while (text[i] !== "}") {
    if (text[i] !== '"') throw new Error("expected a key");
    const start = i;
    const key = readString(text, i);
    i = skipBlank(text, key.end);
    if (text[i] !== ":") throw new Error("expected :");
    const valueStart = skipBlank(text, i + 1);
    const valueEnd = skipValue(text, valueStart);
    members.push({ key: key.value, start, valueStart, valueEnd });
    lastEnd = valueEnd;
    trailingComma = false;
    i = skipBlank(text, valueEnd);
    if (text[i] === ",") {
      trailingComma = true;
      lastEnd = i + 1;
      i = skipBlank(text, i + 1);
    } else if (text[i] !== "}") throw new Error("expected , or }");
  }
  return { start: from, end: i + 1, members, lastEnd, trailingComma };
}
