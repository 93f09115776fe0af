import { readFileSync } from "node:fs";
import path from "node:path";
import { startersDir } from "./layout.js";

// What the app tells coding agents: AGENTS.md, one section of it between markers, written whole
// by create and kept up to date by --add without touching the rest of an existing AGENTS.md.

export const AGENTS_FILE = "AGENTS.md";
export const SECTION_BEGIN = "<!-- BEGIN:inngest -->";
export const SECTION_END = "<!-- END:inngest -->";

/** Where the app keeps its Inngest code and how it runs, as the section names them. */
export interface AgentsFacts {
  frameworkLabel: string;
  appId: string;
  clientFile: string;
  eventsFile: string;
  functionsDir: string;
  /** Undefined when --add could not tell which file serves Inngest. */
  serveHandler: string | undefined;
  devCommand: string;
  /** The Dev Server's start command, with the app's URL when its port is known. */
  devServerCommand: string;
  testCommand: string;
}

/** The v4 facts, kept once in starters/agents/inngest-v4.md (the README links to it). */
export function inngestV4Facts(): string {
  return readFileSync(path.join(startersDir, "agents", "inngest-v4.md"), "utf8").trimEnd();
}

/** The marked section, markers included, ending with a newline. */
export function agentsSection(facts: AgentsFacts): string {
  const values: Record<string, string> = {
    __FRAMEWORK__: facts.frameworkLabel,
    __APP_ID__: facts.appId,
    __CLIENT_FILE__: facts.clientFile,
    __EVENTS_FILE__: facts.eventsFile,
    __FUNCTIONS_DIR__: facts.functionsDir,
    __SERVE_HANDLER__: facts.serveHandler === undefined ? "the file that calls `serve()`" : `\`${facts.serveHandler}\``,
    __DEV__: facts.devCommand,
    __DEV_SERVER__: facts.devServerCommand,
    __TEST__: facts.testCommand,
    __INNGEST_V4__: inngestV4Facts(),
  };
  const template = readFileSync(path.join(startersDir, "agents", "section.md"), "utf8").trimEnd();
  const body = template.replace(/__[A-Z0-9_]+__/g, (token) => values[token] ?? token);
  return `${SECTION_BEGIN}\n${body}\n${SECTION_END}\n`;
}

/**
 * AGENTS.md with the section in it: the section alone for a new file; in an existing one, the
 * text between the markers replaced (every other byte kept), or the section appended after a
 * blank line when the file has no markers yet.
 */
export function withAgentsSection(existing: string | null, section: string): string {
  if (existing === null) return section;
  const begin = existing.indexOf(SECTION_BEGIN);
  const end = begin === -1 ? -1 : existing.indexOf(SECTION_END, begin);
  if (begin !== -1 && end !== -1) {
    const afterEnd = end + SECTION_END.length;
    const rest = existing.slice(afterEnd).startsWith("\n") ? existing.slice(afterEnd + 1) : existing.slice(afterEnd);
    return existing.slice(0, begin) + section + rest;
  }
  if (existing.trim() === "") return existing + section;
  const separator = existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
  return `${existing}${separator}${section}`;
}
