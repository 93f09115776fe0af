import ignore from "ignore";
import { cyan } from "kolorist";
import { devServerCommand } from "../../contributions/dev-server.js";
import type { DevRun } from "../detect/dev-run.js";
import { devScriptPort } from "../edits/dev-script.js";
import { parseManifest } from "../edits/manifest.js";
import type { Editor } from "./change-set.js";

// Dev mode in an existing app: INNGEST_DEV=1 in the env file its dev server reads, and the Dev
// Server's address when the app serves elsewhere than port 3000.

/** The package.json scripts as this plan leaves them. */
export function plannedScripts(editor: Editor): Record<string, string> {
  return (parseManifest(editor.read("package.json") ?? "{}").scripts ?? {}) as Record<string, string>;
}

/**
 * The Dev Server finds an app on port 3000 by itself; one that serves elsewhere (Vite's 5173,
 * wrangler's 8787, a `--port`, a PORT in `.env` or in the code) is given to it with `-u`, which the
 * summary spells out.
 */
export function noteDevServerUrl(editor: Editor, dev: DevRun): void {
  if (dev.devServer === devServerCommand(undefined)) return;
  const script = plannedScripts(editor)[dev.script];
  const where =
    script !== undefined && devScriptPort(script) !== undefined
      ? `Your "${dev.script}" script (${script}) serves`
      : "The app serves";
  editor.plan.notes.push(`${where} on port ${dev.port}: start the Dev Server with ${cyan(dev.devServer)}.`);
}

/** `INNGEST_DEV=1` in the env file the app's dev server reads (or is made to read). */
export function addDevMode(editor: Editor, envFileName: string, starterEnv: string): void {
  const envFile = editor.read(envFileName);
  if (gitignores(editor.read(".gitignore") ?? "", envFileName) && !/^\s*INNGEST_DEV=/m.test(envFile ?? "")) {
    editor.plan.notes.push(
      `.gitignore ignores ${envFileName}: teammates who clone the app need INNGEST_DEV=1 in their own for local development.`,
    );
  }
  if (envFile === null) editor.put(envFileName, starterEnv);
  else if (!/^\s*INNGEST_DEV=/m.test(envFile)) {
    editor.put(envFileName, `${envFile}${envFile === "" || envFile.endsWith("\n") ? "" : "\n"}${starterEnv}`);
  }
}

/** Whether the root .gitignore (`.env`, `/.env*`, `.dev.vars`...) ignores a file at the root, as git reads it. */
function gitignores(gitignore: string, file: string): boolean {
  return ignore().add(gitignore).ignores(file);
}
