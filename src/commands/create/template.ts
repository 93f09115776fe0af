import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CliError } from "../../support/errors.js";
import { INNGEST_DIR } from "../../contributions/layout.js";
import type { Plan } from "./plan.js";
import type { FileToWrite, WritablePlan } from "./write.js";

export interface TemplateOptions {
  /** `[host:]user/repo[/subdir][#ref]`, host one of {@link HOSTS} (GitHub by default). */
  source: string;
  /** Read only the local cache (no network): the starter must have been fetched before. */
  offline: boolean;
}

export interface TemplateSource {
  host: keyof typeof HOSTS;
  user: string;
  repo: string;
  /** The folder of the repository to copy, `""` for all of it. */
  subdir: string;
  ref: string;
}

/** Where each host serves a gzipped tarball of a repository at a ref. */
const HOSTS = {
  github: (user: string, repo: string, ref: string) => `https://codeload.github.com/${user}/${repo}/tar.gz/${ref}`,
  gitlab: (user: string, repo: string, ref: string) =>
    `https://gitlab.com/${user}/${repo}/-/archive/${ref}/${repo}-${ref}.tar.gz`,
  bitbucket: (user: string, repo: string, ref: string) => `https://bitbucket.org/${user}/${repo}/get/${ref}.tar.gz`,
};

const TEMPLATE_PATTERN = /^(?:([a-z]+):)?([\w.-]+)\/([\w.-]+)((?:\/[^#\s/]+)*)\/?(?:#(\S+))?$/i;

export function parseTemplateSource(source: string): TemplateSource {
  const match = TEMPLATE_PATTERN.exec(source);
  if (!match)
    throw new CliError(`--template "${source}" is not of the form user/repo[/subdir][#ref].`, "invalid-template");
  const [, host = "github", user = "", repo = "", subdir = "", ref = "HEAD"] = match;
  if (!Object.hasOwn(HOSTS, host)) {
    throw new CliError(
      `--template "${source}": unknown host "${host}:" (use ${Object.keys(HOSTS).join(":, ")}:).`,
      "invalid-template",
    );
  }
  return { host: host as TemplateSource["host"], user, repo, subdir: subdir.replace(/^\//, ""), ref };
}

export function checkTemplateSource(source: string): void {
  parseTemplateSource(source);
}

export function tarballUrl({ host, user, repo, ref }: TemplateSource): string {
  return HOSTS[host](user, repo, encodeURIComponent(ref));
}

/** `$XDG_CACHE_HOME/create-inngest-app/<host>/<user>/<repo>/<ref>.tar.gz`, one tarball per repo and ref. */
export function cachedTarballPath({ host, user, repo, ref }: TemplateSource): string {
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(cacheHome, "create-inngest-app", host, user, repo, `${encodeURIComponent(ref)}.tar.gz`);
}

/**
 * The built-in plan with a remote starter under it: the starter's files are copied byte for byte
 * (and win), then the Inngest client, functions and features (`src/inngest/`), the serve handler
 * (when the starter has none for /api/inngest) and the dependencies are injected as usual. Files of
 * the built-in starter that the remote one lacks (README, tsconfig, .gitignore, .env files) are kept.
 * Reads the network or the cache, and writes only the cache.
 */
export async function planWithTemplate(plan: Plan, template: TemplateOptions): Promise<WritablePlan> {
  const source = parseTemplateSource(template.source);
  const failure = (reason: string) =>
    new CliError(
      `Could not copy the template "${template.source}": ${reason}. Nothing was written.`,
      "template-unavailable",
    );
  const remote = await loadStarter(source, template.offline, failure);
  const files = new Map<string, FileToWrite["contents"]>(remote.map((file) => [file.path, file.contents]));
  const serveHandler = plan.options.framework.serveHandlerPath;
  const decode = (contents: FileToWrite["contents"]) =>
    typeof contents === "string" ? contents : Buffer.from(contents).toString("utf8");

  for (const file of plan.files) {
    const theirs = files.get(file.path);
    if (theirs === undefined || file.path.startsWith(`${INNGEST_DIR}/`)) files.set(file.path, file.contents);
    else if (file.path === serveHandler && !decode(theirs).includes("/api/inngest"))
      files.set(file.path, file.contents);
  }
  const theirManifest = remote.find((file) => file.path === "package.json");
  const ourManifest = plan.files.find((file) => file.path === "package.json");
  if (theirManifest && ourManifest) {
    files.set(
      "package.json",
      mergeManifest(decode(theirManifest.contents), ourManifest.contents, plan.options.projectName, failure),
    );
  }
  const merged = [...files].map(([filePath, contents]) => ({ path: filePath, contents }));
  return { ...plan, files: merged.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** Theirs, with our name, our dependencies added (ours win on version) and our scripts where they have none. */
function mergeManifest(theirs: string, ours: string, name: string, failure: (reason: string) => Error): string {
  let t: Record<string, unknown>;
  try {
    t = JSON.parse(theirs) as Record<string, unknown>;
  } catch {
    throw failure("its package.json is not valid JSON");
  }
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

/** The starter's files, relative to its subdir: from the cache offline, else downloaded and cached. */
async function loadStarter(
  source: TemplateSource,
  offline: boolean,
  failure: (reason: string) => Error,
): Promise<FileToWrite[]> {
  const cached = cachedTarballPath(source);
  const tarball = offline ? readCached(cached, failure) : await download(tarballUrl(source), failure);
  const { readTarball } = await import("./tarball.js");
  let entries: ReturnType<typeof readTarball>;
  try {
    entries = readTarball(tarball);
  } catch (error) {
    throw failure(`${offline ? cached : tarballUrl(source)} could not be unpacked (${reason(error)})`);
  }
  // Every host wraps the repository in one top folder (`<repo>-<ref>/`); the subdir is inside it.
  const prefix = source.subdir === "" ? "" : `${source.subdir}/`;
  const files = entries
    .map((entry) => ({ path: entry.path.slice(entry.path.indexOf("/") + 1), contents: entry.contents }))
    .filter((file) => file.path.startsWith(prefix) && file.path.length > prefix.length)
    .map((file) => ({ path: file.path.slice(prefix.length), contents: file.contents }))
    .filter((file) => !file.path.startsWith(".git/"));
  if (files.length === 0) {
    throw failure(source.subdir === "" ? "the repository is empty" : `it has no folder "${source.subdir}"`);
  }
  if (!offline) saveToCache(cached, tarball);
  return files;
}

function readCached(file: string, failure: (reason: string) => Error): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw failure(`it is not in the cache (${file}); run once without --offline to fetch it`);
  }
}

async function download(url: string, failure: (reason: string) => Error): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw failure(`${url} could not be reached (${reason(error)}); --offline uses a copy fetched before`);
  }
  if (!response.ok) {
    throw failure(`${url} answered ${response.status}: no such repository or ref, or it is private`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Written beside, then renamed, so that an interrupted run never leaves half a tarball in the cache. */
function saveToCache(file: string, tarball: Uint8Array): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, tarball);
    renameSync(partial, file);
  } catch {
    // A cache that cannot be written only costs a download next time.
  }
}

function reason(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
