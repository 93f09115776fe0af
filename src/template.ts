import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CliError } from "./errors.js";
import { INNGEST_DIR } from "./layout.js";
import type { Plan, PlannedFile } from "./plan.js";

export interface TemplateOptions {
  /** `user/repo[/subdir][#ref]`, or any source degit reads (`gitlab:user/repo`, ...). */
  source: string;
  /** Use only degit's cache (no network): the starter must have been fetched before. */
  offline: boolean;
}

/** `user/repo`, an optional `/subdir` and `#ref`, with an optional `host:` prefix. */
const TEMPLATE_PATTERN = /^(?:[a-z.]+:)?[\w.-]+\/[\w.-]+(?:\/[^#\s]+)?(?:#[^\s]+)?$/i;

export function checkTemplateSource(source: string): void {
  if (!TEMPLATE_PATTERN.test(source)) {
    throw new CliError(`--template "${source}" is not of the form user/repo[/subdir][#ref].`);
  }
}

/**
 * The built-in plan with a remote starter under it: the starter is copied with degit (its files
 * win), then the Inngest client, functions and features (`src/inngest/`), the serve handler (when
 * the starter has none for /api/inngest) and the dependencies are injected as usual. Files of the
 * built-in starter that the remote one lacks (README, tsconfig, .gitignore, .env files) are kept.
 * Reads from the network or degit's cache; writes only into a temporary directory it removes.
 */
export async function planWithTemplate(plan: Plan, template: TemplateOptions): Promise<Plan> {
  const remote = await fetchTemplate(template);
  const ours = new Map(plan.files.map((file) => [file.path, file.contents]));
  const files = new Map(remote.map((file) => [file.path, file.contents]));
  const serveHandler = plan.options.framework.serveHandlerPath;

  for (const [filePath, contents] of ours) {
    const theirs = files.get(filePath);
    if (theirs === undefined || filePath.startsWith(`${INNGEST_DIR}/`)) files.set(filePath, contents);
    else if (filePath === serveHandler && !theirs.includes("/api/inngest")) files.set(filePath, contents);
  }
  const manifest = files.get("package.json");
  if (manifest !== undefined && manifest !== ours.get("package.json")) {
    files.set("package.json", mergeManifest(manifest, ours.get("package.json")!, plan.options.projectName));
  }
  const merged = [...files].map(([filePath, contents]) => ({ path: filePath, contents }));
  return { ...plan, files: merged.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** Theirs, with our name, our dependencies added (ours win on version) and our scripts where they have none. */
function mergeManifest(theirs: string, ours: string, name: string): string {
  const t = JSON.parse(theirs) as Record<string, unknown>;
  const o = JSON.parse(ours) as Record<string, Record<string, string> | undefined>;
  const record = (value: unknown) => (value ?? {}) as Record<string, string>;
  return `${JSON.stringify(
    {
      ...t,
      name,
      scripts: { ...o.scripts, ...record(t.scripts) },
      dependencies: { ...record(t.dependencies), ...o.dependencies },
      devDependencies: { ...record(t.devDependencies), ...o.devDependencies },
    },
    null,
    2,
  )}\n`;
}

async function fetchTemplate({ source, offline }: TemplateOptions): Promise<PlannedFile[]> {
  checkTemplateSource(source);
  const { default: degit } = await import("degit");
  const staging = await mkdtemp(path.join(os.tmpdir(), "create-inngest-app-template-"));
  const dest = path.join(staging, "starter");
  try {
    const emitter = degit(source, { cache: offline, force: true, mode: "tar" });
    await emitter.clone(dest);
    return readTree(dest);
  } catch (error) {
    throw new CliError(`Could not copy the template "${source}": ${degitReason(error, offline)}. Nothing was written.`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** degit's error, said for a user: what it could not find, and where it looked. */
function degitReason(error: unknown, offline: boolean): string {
  const code = (error as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "MISSING_REF") {
    return offline
      ? `${message}: it is not in degit's cache (run once without --offline to fetch it)`
      : `${message}: the repository or ref does not exist, or the git host cannot be reached`;
  }
  if (code === "COULD_NOT_DOWNLOAD") return `${message} (no network, or no such repository)`;
  return message;
}

function readTree(root: string): PlannedFile[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      return {
        path: path.relative(root, absolute).split(path.sep).join("/"),
        contents: readFileSync(absolute, "utf8"),
      };
    })
    .filter((file) => file.path !== "degit.json" && !file.path.startsWith(".git/"));
}
