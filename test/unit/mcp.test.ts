import { describe, expect, it } from "vitest";
import { DEV_SERVER_MCP_URL, mcpConfigFiles, newMcpConfig } from "../../src/contributions/mcp.js";
import { withMcpServer, withToolSettings } from "../../src/app/edits/mcp-config.js";

const claude = mcpConfigFiles.find((file) => file.path === ".mcp.json")!;
const vscode = mcpConfigFiles.find((file) => file.path === ".vscode/mcp.json")!;
const gemini = mcpConfigFiles.find((file) => file.path === ".gemini/settings.json")!;

/** Comments out of JSONC, to read what VS Code would. */
const withoutComments = (text: string) => text.replace(/^\s*\/\/.*$/gm, "");

function inserted(existing: string, file = claude) {
  const merged = withMcpServer(existing, file);
  if (merged.kind !== "insert") throw new Error(`expected an insertion, got ${merged.kind}`);
  // Every byte of the user's file is kept: the result is the file with one piece of text inserted.
  expect(merged.after.slice(0, merged.at) + merged.after.slice(merged.at + merged.text.length)).toBe(existing);
  return merged.after;
}

describe("the Dev Server's MCP in the tools' project files", () => {
  it("writes each new file as that tool's documented shape", () => {
    expect(JSON.parse(newMcpConfig(claude))).toEqual({
      mcpServers: { inngest: { type: "http", url: "http://127.0.0.1:8288/mcp" } },
    });
    expect(JSON.parse(newMcpConfig(mcpConfigFiles.find((file) => file.path === ".cursor/mcp.json")!))).toEqual({
      mcpServers: { inngest: { url: DEV_SERVER_MCP_URL } },
    });
    expect(JSON.parse(newMcpConfig(vscode))).toEqual({
      servers: { inngest: { type: "http", url: DEV_SERVER_MCP_URL } },
    });
    expect(JSON.parse(newMcpConfig(gemini))).toEqual({
      mcpServers: { inngest: { httpUrl: DEV_SERVER_MCP_URL } },
      context: { fileName: ["AGENTS.md", "GEMINI.md"] },
    });
  });

  it("adds the server beside the user's, in their indentation", () => {
    const mine = '{\n    "mcpServers": {\n        "db": { "command": "db-mcp" }\n    }\n}\n';
    const after = inserted(mine);
    expect(JSON.parse(after).mcpServers).toEqual({
      db: { command: "db-mcp" },
      inngest: { type: "http", url: DEV_SERVER_MCP_URL },
    });
    expect(after).toContain('\n        "inngest": {');
  });

  it("adds the servers object when the file has none, and fills an empty one", () => {
    expect(JSON.parse(inserted('{ "other": true }\n'))).toEqual({
      other: true,
      mcpServers: { inngest: { type: "http", url: DEV_SERVER_MCP_URL } },
    });
    expect(JSON.parse(inserted('{\n  "mcpServers": {}\n}\n')).mcpServers).toEqual({
      inngest: { type: "http", url: DEV_SERVER_MCP_URL },
    });
    expect(JSON.parse(inserted("{}"))).toEqual({ mcpServers: { inngest: { type: "http", url: DEV_SERVER_MCP_URL } } });
  });

  it("keeps VS Code's comments and a trailing comma", () => {
    const mine =
      '{\n  // shared with the team\n  "servers": {\n    "github": { "type": "http", "url": "https://x.invalid/mcp" },\n  },\n  "inputs": [],\n}\n';
    const after = inserted(mine, vscode);
    expect(after).toContain("// shared with the team");
    const parsed = JSON.parse(withoutComments(after).replace(/,(\s*[}\]])/g, "$1"));
    expect(Object.keys(parsed.servers)).toEqual(["github", "inngest"]);
  });

  it("changes nothing when a server named inngest is there, even the user's own", () => {
    expect(withMcpServer(newMcpConfig(claude), claude)).toEqual({ kind: "unchanged" });
    expect(withMcpServer('{"mcpServers":{"inngest":{"url":"http://10.0.0.2:8288/mcp"}}}', claude)).toEqual({
      kind: "unchanged",
    });
  });

  it("asks for a hand edit when the file cannot be merged safely", () => {
    expect(withMcpServer("not json", claude).kind).toBe("manual");
    expect(withMcpServer("[]", claude).kind).toBe("manual");
    expect(withMcpServer('{ "mcpServers": [] }', claude).kind).toBe("manual");
    expect(withMcpServer('{ "a": 1 } trailing', claude).kind).toBe("manual");
  });
});

describe("Gemini CLI's context files", () => {
  it("are named in a user's settings that name none: AGENTS.md, and GEMINI.md still read", () => {
    const mine = '{\n  "theme": "Atom One"\n}\n';
    const after = withToolSettings(mine, gemini);
    expect(after).toBe('{\n  "theme": "Atom One",\n  "context": { "fileName": ["AGENTS.md", "GEMINI.md"] }\n}\n');
    expect(withToolSettings(after, gemini)).toBe(after);
  });

  it("are left as the user set them", () => {
    const mine = '{ "context": { "fileName": "NOTES.md" } }';
    expect(withToolSettings(mine, gemini)).toBe(mine);
  });

  it("are nothing to the tools that read AGENTS.md themselves", () => {
    expect(withToolSettings('{ "a": 1 }', claude)).toBe('{ "a": 1 }');
  });
});
