import { devServerCommand } from "../../contributions/dev-server.js";
import { commandsFor } from "../../support/package-manager.js";
import type { Project } from "./project.js";
import { devScriptName } from "./dev-script-name.js";
import { devScriptPort, loadsDevEnv } from "../edits/dev-script.js";
import { parseManifest } from "../edits/manifest.js";
import { isTestOrHelper } from "./source-kinds.js";

// How the app runs in development, decided once: which of its scripts is "the dev script", the
// command that starts it in dev mode, and the Dev Server command with the port the app serves on.

export interface DevRun {
  /** The script's name ("dev" when the app has none, for the notes that tell how to add one). */
  script: string;
  /** The command that starts the app in dev mode (`pnpm start:dev`, or `INNGEST_DEV=1 npm run dev`). */
  command: string;
  /** The port the app serves on in dev, when it can be told. */
  port: number | undefined;
  /** The Inngest Dev Server's command, with `-u` when the app is not on port 3000. */
  devServer: string;
}

/** How the app runs in dev with the package.json `manifestText` (as the plan leaves it). */
export function devRunOf(project: Project, manifestText: string, read: (file: string) => string | null): DevRun {
  const scripts = (parseManifest(manifestText).scripts ?? {}) as Record<string, string>;
  const script = devScriptName(scripts) ?? "dev";
  const text = scripts[script] ?? "";
  const run = commandsFor(project.packageManager).run(script);
  const port =
    devScriptPort(text) ?? (project.framework.mount.kind === "app-call" ? appPort(project, text, read) : undefined);
  return {
    script,
    command: project.devEnv.readByDevServer || loadsDevEnv(text) ? run : `INNGEST_DEV=1 ${run}`,
    port,
    devServer: devServerCommand(port),
  };
}

/**
 * The port the app's own code listens on when its dev script does not name one: `PORT=` in `.env`
 * when the app reads that file (dotenv, or `--env-file=.env`), else the one default the code gives
 * `process.env.PORT` (`process.env.PORT ?? 9999`, `Number(process.env.PORT) || 4000`,
 * `PORT: z.coerce.number().default(9999)`). Undefined when it cannot be told, or defaults disagree.
 */
export function appPort(
  project: Project,
  devScript: string,
  read: (file: string) => string | null,
): number | undefined {
  const files = project.sources.filter((file) => !isTestOrHelper(file, undefined) && !/(^|\/)inngest\//.test(file));
  const texts = files.map((file) => read(file) ?? "");
  const readsDotEnv =
    /--env-file[= ]\.env(\s|$)/.test(devScript) ||
    texts.some((code) => /["']dotenv(\/config)?["']|@dotenvx\//.test(code));
  const fromEnv = readsDotEnv
    ? /^\s*(?:export\s+)?PORT\s*=\s*["']?(\d{2,5})["']?\s*$/m.exec(read(".env") ?? "")?.[1]
    : undefined;
  if (fromEnv) return Number(fromEnv);
  const defaults = new Set<number>();
  for (const code of texts) {
    if (!code.includes("PORT")) continue;
    for (const match of code.matchAll(/\bPORT\b[^;\n]{0,48}?(?:\?\?|\|\||\.default\()\s*["'`]?(\d{2,5})\b/g))
      defaults.add(Number(match[1]));
  }
  return defaults.size === 1 ? [...defaults][0] : undefined;
}
