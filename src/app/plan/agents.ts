import { AGENTS_FILE, agentsSection, withAgentsSection } from "../../contributions/agents.js";
import { EVENTS_FILE, FUNCTIONS_DIR } from "../../contributions/layout.js";
import { mcpConfigFiles, mcpEntryLine, newMcpConfig } from "../../contributions/mcp.js";
import { commandsFor } from "../../support/package-manager.js";
import type { DevRun } from "../detect/dev-run.js";
import type { Project } from "../detect/project.js";
import { withMcpServer, withToolSettings } from "../edits/mcp-config.js";
import type { Editor } from "./change-set.js";
import { plannedScripts } from "./dev-mode.js";
import { INNGEST_TEST_SCRIPT, testRunnerOf } from "./test-setup.js";

/** AGENTS.md's Inngest section for this app, and the Dev Server's MCP in each tool's project file. */
export function addAgentFiles(project: Project, editor: Editor, dev: DevRun, found: AgentsPaths): void {
  const facts = agentsFacts(project, editor, dev, found);
  editor.put(AGENTS_FILE, withAgentsSection(editor.read(AGENTS_FILE), agentsSection(facts)));
  addMcpServers(editor);
}

/** Where the app's Inngest code is, as AGENTS.md names it. */
interface AgentsPaths {
  inngestDir: string;
  clientFile: string;
  serveHandler: string | undefined;
  appId: string;
}

/** What AGENTS.md says of this app: its own paths, and its own scripts where they do the job. */
function agentsFacts(project: Project, editor: Editor, dev: DevRun, found: AgentsPaths) {
  const pm = commandsFor(project.packageManager);
  const scripts = plannedScripts(editor);
  const clientId = /\bid:\s*["'`]([^"'`]+)["'`]/.exec(editor.read(found.clientFile) ?? "")?.[1];
  return {
    frameworkLabel: project.frameworkLabel,
    appId: clientId ?? found.appId,
    clientFile: found.clientFile,
    eventsFile: `${found.inngestDir}/${EVENTS_FILE}`,
    functionsDir: `${found.inngestDir}/${FUNCTIONS_DIR}`,
    serveHandler: found.serveHandler,
    devCommand: dev.command,
    devServerCommand: dev.devServer,
    testCommand:
      testRunnerOf(scripts) === "vitest"
        ? pm.run("test")
        : scripts[INNGEST_TEST_SCRIPT]
          ? pm.run(INNGEST_TEST_SCRIPT)
          : `npx vitest run ${found.inngestDir}`,
  };
}

/** The Dev Server's MCP in each tool's project file: a new file, or one entry added to the user's. */
function addMcpServers(editor: Editor): void {
  for (const config of mcpConfigFiles) {
    const existing = editor.read(config.path);
    if (existing === null) {
      editor.put(config.path, newMcpConfig(config));
      continue;
    }
    const merged = withMcpServer(existing, config);
    if (merged.kind !== "manual") {
      const after = withToolSettings(merged.kind === "insert" ? merged.after : existing, config);
      if (after !== existing) editor.put(config.path, after);
    } else {
      editor.plan.manual.push({
        file: config.path,
        where: `${merged.reason}, so it was left as it is; add this server to its "${config.serversKey}" object (${config.tool})`,
        lines: [mcpEntryLine(config)],
      });
    }
  }
}
