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
