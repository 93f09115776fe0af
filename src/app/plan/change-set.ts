import type { Feature } from "../../features/index.js";
import type { ImportExtension } from "../../frameworks/index.js";
import type { Raise } from "./raise.js";
import { type CodeStyle, restyle } from "./formatting.js";

/** One file the add will create (`before` null) or change. */
export interface FileChange {
  path: string;
  before: string | null;
  after: string;
}

/** An edit that could not be made safely: the exact lines, and where they go. */
export interface ManualStep {
  file: string;
  where: string;
  lines: string[];
}

export interface AddPlan {
  changes: FileChange[];
  manual: ManualStep[];
  /** Features already in the app, skipped. */
  skipped: Feature[];
  added: Feature[];
  /** New entries in package.json, by section. */
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  /** Packages the app has in too old a version for the planned code, raised in package.json. */
  raised: Raise[];
  notes: string[];
  /** The app's Inngest folder, where the functions are (`src/inngest`, `inngest`...). */
  inngestDir?: string;
  /** How the app runs in dev once the plan is written: its dev script's command, the Dev Server's. */
  dev?: { command: string; devServer: string };
}

/** An insertion of `text` at offset `at` of a file: the rest of the file keeps every byte. */
export interface Edit {
  at: number;
  text: string;
}

/** What each edit helper gets: the files as planned so far, a way to change one, and the plan. */
export interface Editor {
  read: (file: string) => string | null;
  put: (file: string, after: string) => void;
  plan: AddPlan;
  extension: ImportExtension;
}

export function applyEdits(code: string, edits: readonly Edit[]): string {
  let result = code;
  for (const edit of [...edits].sort((a, b) => b.at - a.at))
    result = result.slice(0, edit.at) + edit.text + result.slice(edit.at);
  return result;
}

/**
 * An empty plan, and an editor whose reads see the changes planned so far. `onDisk` reads a file
 * of the app as it is (null when absent); a new file is put in the app's code style.
 */
export function changeSet(
  onDisk: (file: string) => string | null,
  extension: ImportExtension,
  style: CodeStyle = {},
): { editor: Editor; changes: Map<string, FileChange> } {
  const changes = new Map<string, FileChange>();
  const plan: AddPlan = {
    changes: [],
    manual: [],
    skipped: [],
    added: [],
    dependencies: {},
    devDependencies: {},
    raised: [],
    notes: [],
  };
  const editor: Editor = {
    read: (file) => (changes.has(file) ? changes.get(file)!.after : onDisk(file)),
    put: (file, text) => {
      const before = changes.has(file) ? changes.get(file)!.before : onDisk(file);
      const after = before === null ? restyle(text, file, style) : text;
      if (before === after) changes.delete(file);
      else changes.set(file, { path: file, before, after });
    },
    plan,
    extension,
  };
  return { editor, changes };
}
