import { cyan } from "kolorist";
import type { Editor } from "../plan/change-set.js";
import type { Project } from "../detect/project.js";
import { DEV_ENV_FILE } from "../../contributions/layout.js";
import { WRANGLER_DEV } from "../detect/dev-script-name.js";

import { devScriptName } from "../detect/dev-script-name.js";
import { isTestOrHelper } from "../detect/source-kinds.js";

// Dev mode after one command: the app's own dev script (`dev`, or `start:dev`...), edited to load `.env.development`
// (INNGEST_DEV=1), for frameworks whose dev server does not load env files by itself.

const ENV_FILE_FLAG = `--env-file=${DEV_ENV_FILE}`;

/**
 * The dev script with the env file loaded, when it is one `tsx`, `node`, `nodemon`, `ts-node` or
 * `wrangler dev` command; undefined when it is anything else. tsx, node and wrangler take an
 * `--env-file`; nodemon and ts-node get the variable itself.
 */
export function devScriptWithEnv(script: string): string | undefined {
  if (/[;&|<>`$]/.test(script)) return undefined; // a chain or a shell construct: not one command
  const flagAt = /^\s*(tsx(?:\s+watch)?|node)(?=\s)/.exec(script);
  if (flagAt) return `${script.slice(0, flagAt[0].length)} ${ENV_FILE_FLAG}${script.slice(flagAt[0].length)}`;
  if (/^\s*(nodemon|ts-node|ts-node-esm)(\s|$)/.test(script)) return `INNGEST_DEV=1 ${script.trimStart()}`;
  const wrangler = WRANGLER_DEV.exec(script);
  if (wrangler) return `${wrangler[0]} --env-file ${DEV_ENV_FILE}${script.slice(wrangler[0].length)}`;
  return undefined;
}

/**
 * The port a dev script serves on: the one it names (`--port 4000`, `-p 4000`, `PORT=4000`), else
 * the default of the dev server it runs (next 3000, vite 5173, wrangler 8787); undefined when the
 * app's own code picks it (`tsx watch src/index.ts`).
 */
export function devScriptPort(script: string): number | undefined {
  const named = /(?:--port[=\s]+|-p\s+|\bPORT=)(\d{2,5})\b/.exec(script);
  if (named) return Number(named[1]);
  const command = script.replace(/^\s*(?:\w+=\S*\s+)*/, ""); // after any `NAME=value` it sets
  if (/^next\s+dev\b/.test(command)) return 3000;
  if (/^vite(\s+(dev|serve))?(\s|$)/.test(command)) return 5173;
  if (WRANGLER_DEV.test(command)) return 8787;
  return undefined;
}

/** Whether a dev script starts in dev mode: it loads the env file, or sets INNGEST_DEV itself. */
export function loadsDevEnv(script: string): boolean {
  return script.includes(DEV_ENV_FILE) || /\bINNGEST_DEV=/.test(script);
}

/**
 * Edits the app's dev script in `scripts` (the package.json entries to write) so that it starts in dev
 * mode, or says in the notes exactly what to run, naming the app's own entry file.
 */
export function addDevEnvToScript(project: Project, editor: Editor, scripts: Record<string, string>): void {
  const manifestScripts = project.manifest.scripts as Record<string, unknown> | undefined;
  const name = devScriptName(manifestScripts);
  const dev = name === undefined ? undefined : String(manifestScripts![name]);
  if (dev !== undefined && loadsDevEnv(dev)) return;
  const edited = dev === undefined ? undefined : devScriptWithEnv(dev);
  if (edited !== undefined) {
    scripts[name!] = edited;
    return;
  }
  const entry = entryFile(project, editor, dev);
  const example = `tsx watch ${ENV_FILE_FLAG} ${entry}`;
  editor.plan.notes.push(
    dev === undefined
      ? `package.json has no "dev" script: start the app in dev mode with ${cyan(example)} (INNGEST_DEV=1 is what makes it serve the Dev Server).`
      : `Your "${name}" script (${dev}) was left as it is: it must set INNGEST_DEV=1, for example ${cyan(`"${name}": "${example}"`)}.`,
  );
}

/**
 * The file the app starts from: the one its dev script names, else its start script or `main` (built
 * output mapped back to its source), else the one that listens; never a test or the Inngest helpers.
 */
function entryFile(project: Project, editor: Editor, dev: string | undefined): string {
  const { sources, manifest } = project;
  const candidates = (text: unknown) =>
    String(text ?? "")
      .split(/\s+/)
      .map((token) => token.replace(/^\.\//, ""))
      .flatMap((token) => [token, ...builtToSource(token)]);
  const named = [dev, manifest.scripts?.start, manifest.main]
    .flatMap(candidates)
    .find((file) => sources.includes(file) && !isTestOrHelper(file, "inngest") && !/(^|\/)inngest\//.test(file));
  if (named) return named;
  const listens = sources.find(
    (file) =>
      !isTestOrHelper(file, undefined) &&
      !/(^|\/)inngest\//.test(file) &&
      /\.listen\(|from ["']@hono\/node-server["']/.test(editor.read(file) ?? ""),
  );
  return listens ?? (typeof manifest.main === "string" ? manifest.main : "<your entry file>");
}

/** `dist/src/index.js`, `build/server.js`: the TypeScript files they are compiled from. */
function builtToSource(token: string): string[] {
  const match = /^(?:dist|build|out|lib)\/(.+)\.[cm]?js$/.exec(token);
  if (!match) return [];
  const rest = match[1]!;
  return [`${rest}.ts`, `src/${rest}.ts`, `${rest}.tsx`];
}
