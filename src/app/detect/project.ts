import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CliError } from "../../support/errors.js";
import { frameworkLabels, frameworks, type Framework, type ImportExtension } from "../../frameworks/index.js";
import { packageManagerFromLockfile, type PackageManager } from "../../support/package-manager.js";
import { appFiles, type AppFiles } from "./app-files.js";
import { importsOf, parseJsonc, parseSource, walk, type AstNode } from "../ast.js";
import { DEV_ENV_FILE } from "../../contributions/layout.js";
import { devScriptName, WRANGLER_DEV } from "./dev-script-name.js";
import { parseManifest } from "../edits/manifest.js";
import type { ExportRef } from "../../features/feature.js";
import { inngestAdvisory } from "./inngest-advisory.js";

/** What `--add` learns about an existing app before planning anything. Reads, never writes. */
export interface Project {
  dir: string;
  /** The app's files as this run read them (once each): the plan and the write's check use these. */
  files: AppFiles;
  manifestText: string;
  manifest: Record<string, any>;
  framework: Framework;
  /** The framework's label with the major version the app depends on ("Express 4"). */
  frameworkLabel: string;
  packageManager: PackageManager;
  /** Where dependencies install from: the app, or the root of the workspace it is a package of. */
  installDir: string;
  /** The app keeps its code under `src/`. */
  srcDir: boolean;
  /** `@/*` from tsconfig paths, with the folder it maps to (relative, forward slashes, "" for the root). */
  alias?: { prefix: string; base: string };
  /** ".js" on relative imports under NodeNext/Node16 resolution, "" for bundlers. */
  importExtension: ImportExtension;
  /** A route-file framework (Next.js): the router directory found (`app` or `src/app`). */
  appRouterDir?: string;
  /** Next.js without an App Router: the Pages Router directory (`pages` or `src/pages`). */
  pagesDir?: string;
  /** TypeScript sources, relative with forward slashes (no node_modules, build output or dot-folders). */
  sources: string[];
  /** tsconfig's `types`, when it lists them: only those packages' globals and ambient modules are seen. */
  types?: string[];
  /**
   * Where dev mode's `INNGEST_DEV=1` goes, and whether the app's dev server reads that file by itself
   * (else --add edits the `dev` script to load it).
   */
  devEnv: { file: string; readByDevServer: boolean };
  /** A Worker served by Vite with `@cloudflare/vite-plugin` (create-hono's cloudflare-workers+vite). */
  vitePlugin: boolean;
  /** Said by every command: the app's inngest is in a release with a known vulnerability. */
  advisory?: string;
}

/** Packages that compile an app's TypeScript themselves: with one, `typescript` is not needed to run it. */
const TYPESCRIPT_COMPILERS = ["typescript", "wrangler", "vite"];

const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "out", "coverage", ".next"]);

/** `command` is the flag the user ran (`--add`, `--function`), named in the refusals. */
export function detectProject(dir: string, command = "--add"): Project {
  const manifestPath = path.join(dir, "package.json");
  if (!existsSync(manifestPath)) {
    throw new CliError(
      `No package.json in ${dir}: run ${command} inside an existing app, or pass --cwd <dir>.`,
      "no-package-json",
    );
  }
  const files = appFiles(dir);
  const manifestText = files.read("package.json") ?? "";
  let manifest: Record<string, any>;
  try {
    manifest = parseManifest(manifestText);
    if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) throw new Error("not an object");
  } catch (error) {
    throw new CliError(
      `package.json is not valid JSON (${(error as Error).message.split("\n")[0]}). Nothing was changed.`,
      "parse-error",
    );
  }

  const deps = { ...manifest.dependencies, ...manifest.devDependencies } as Record<string, string>;
  // @cloudflare/vite-plugin runs the Worker with wrangler, a peer dependency the app need not name.
  if ("@cloudflare/vite-plugin" in deps) deps.wrangler ??= "(peer of @cloudflare/vite-plugin)";
  const framework = frameworks
    .filter((candidate) => candidate.detectDependencies.every((name) => name in deps))
    .sort((a, b) => b.detectDependencies.length - a.detectDependencies.length)[0];
  if (!framework) {
    throw new CliError(
      `No supported framework in package.json: ${command} works on ${frameworkLabels("and")} apps written in TypeScript. Nothing was changed.`,
      "unsupported-framework",
    );
  }
  let frameworkLabel = labelWithVersion(framework.label, deps[framework.detectDependencies[0]!]);
  const tsconfigPath = path.join(dir, "tsconfig.json");
  if (!existsSync(tsconfigPath) || !TYPESCRIPT_COMPILERS.some((name) => name in deps)) {
    throw new CliError(
      `This looks like a JavaScript ${frameworkLabel} app (no tsconfig.json, or nothing to compile TypeScript: typescript, wrangler or vite): ${command} only edits TypeScript apps. Nothing was changed.`,
      "javascript-project",
    );
  }
  const compilerOptions = readCompilerOptions(dir, tsconfigPath);

  const vitePlugin = framework.cloudflareWorker === true && "@cloudflare/vite-plugin" in deps;
  const sources = listSources(dir);
  let appRouterDir: string | undefined;
  let pagesDir: string | undefined;
  if (framework.mount.kind === "route-file") {
    const { routerDirs, pagesDirs = [] } = framework.mount;
    appRouterDir = routerDirs.find((candidate) => isDirectory(path.join(dir, candidate)));
    if (!appRouterDir) pagesDir = pagesDirs.find((candidate) => isDirectory(path.join(dir, candidate)));
    if (!appRouterDir && !pagesDir) {
      throw new CliError(
        `This ${frameworkLabel} app has no router directory (${[...routerDirs, ...pagesDirs].map((d) => `${d}/`).join(" or ")}): ${command} needs one. Nothing was changed.`,
        "no-router-dir",
      );
    }
  }
  const routerDir = appRouterDir ?? pagesDir;
  if (pagesDir) frameworkLabel = frameworkLabel.replace("(App Router)", "(Pages Router)");
  const srcDir = routerDir ? routerDir.startsWith("src/") : isDirectory(path.join(dir, "src"));

  const resolution = String(compilerOptions.moduleResolution ?? compilerOptions.module ?? "").toLowerCase();
  const importExtension: ImportExtension =
    framework.relativeImportExtension === ".js" && (resolution === "nodenext" || resolution === "node16") ? ".js" : "";

  const installer = installerOf(dir);
  return {
    dir,
    files,
    manifestText,
    manifest,
    framework,
    frameworkLabel,
    ...installer,
    srcDir,
    alias: readAlias(compilerOptions),
    importExtension,
    appRouterDir,
    pagesDir,
    sources,
    types: Array.isArray(compilerOptions.types) ? compilerOptions.types.map(String) : undefined,
    devEnv: devEnvOf(dir, framework, manifest, vitePlugin),
    vitePlugin,
    advisory: inngestAdvisory(dir, installer.installDir, manifest),
  };
}

/**
 * A Worker's local vars come from `.dev.vars`, or from `.env` when there is no `.dev.vars`. Served by
 * Vite with `@cloudflare/vite-plugin` (which has no `--env-file`), or by a `wrangler dev` that would
 * hide the app's own file behind `--env-file`, dev mode goes in the one it reads. Next.js reads
 * `.env.development`; other dev scripts are made to.
 */
function devEnvOf(
  dir: string,
  framework: Framework,
  manifest: Record<string, any>,
  vitePlugin: boolean,
): Project["devEnv"] {
  if (framework.cloudflareWorker) {
    const varsFile = [".dev.vars", ".env"].find((name) => existsSync(path.join(dir, name)));
    const dev = String(manifest.scripts?.[devScriptName(manifest.scripts) ?? "dev"] ?? "");
    const passesEnvFile = /--env-file\b/.test(dev);
    // .dev.vars when there is neither: every wrangler and Vite plugin reads it (.env only since 2025);
    // and when no `wrangler dev` script can be given `--env-file` (none, or one of another shape).
    if (vitePlugin || (varsFile && !passesEnvFile) || !WRANGLER_DEV.test(dev))
      return { file: varsFile ?? ".dev.vars", readByDevServer: true };
  }
  return { file: DEV_ENV_FILE, readByDevServer: framework.loadsEnvFiles === true };
}

/** "Express 5" becomes "Express 4" for an app on `^4.19.2`; a label without a version stays. */
function labelWithVersion(label: string, range: string | undefined): string {
  const major = /\d+/.exec(range ?? "")?.[0];
  return major && /^\S+ \d+$/.test(label) ? label.replace(/\d+$/, major) : label;
}

/**
 * The compiler options in force: the file's own over those of the configs it `extends` (a relative
 * path or a package in node_modules, one or several). `baseUrl` comes back relative to the app, and
 * `pathsConfigDir` is the folder of the config that set `paths` (where they resolve from without one).
 */
function readCompilerOptions(dir: string, file: string, seen: string[] = []): Record<string, any> {
  const name = path.relative(dir, file) || file;
  if (seen.includes(file)) throw new CliError(`${name} extends itself in a loop. Nothing was changed.`, "parse-error");
  const config = (parseJsonc(readFileSync(file, "utf8"), name) ?? {}) as {
    extends?: string | string[];
    compilerOptions?: Record<string, any>;
  };
  const bases = typeof config.extends === "string" ? [config.extends] : (config.extends ?? []);
  let options: Record<string, any> = {};
  for (const base of bases) {
    const baseFile = resolveExtends(dir, path.dirname(file), base);
    if (!baseFile) {
      throw new CliError(
        `${name} extends "${base}", which was not found: install the app's dependencies first (the settings it inherits decide how imports are written). Nothing was changed.`,
        "parse-error",
      );
    }
    options = { ...options, ...readCompilerOptions(dir, baseFile, [...seen, file]) };
  }
  const own = { ...config.compilerOptions };
  const configDir = path.dirname(file);
  if (typeof own.baseUrl === "string") own.baseUrl = toAppPath(dir, path.resolve(configDir, own.baseUrl));
  if (own.paths) own.pathsConfigDir = toAppPath(dir, configDir);
  return { ...options, ...own };
}

function resolveExtends(dir: string, fromDir: string, base: string): string | undefined {
  const candidates =
    base.startsWith(".") || path.isAbsolute(base)
      ? [path.resolve(fromDir, base)]
      : [path.join(dir, "node_modules", base)];
  for (const candidate of candidates)
    for (const file of [candidate, `${candidate}.json`, path.join(candidate, "tsconfig.json")])
      if (existsSync(file) && statSync(file).isFile()) return file;
  return undefined;
}

function toAppPath(dir: string, absolute: string): string {
  return path.relative(dir, absolute).split(path.sep).join("/") || ".";
}

function readAlias(compilerOptions: Record<string, any>): Project["alias"] {
  const target = compilerOptions.paths?.["@/*"]?.[0];
  if (typeof target !== "string" || !target.endsWith("/*")) return undefined;
  const base = path.posix.normalize(
    path.posix.join(compilerOptions.baseUrl ?? compilerOptions.pathsConfigDir ?? ".", target.slice(0, -2)),
  );
  return { prefix: "@/", base: base === "." ? "" : base };
}

function listSources(dir: string): string[] {
  const found: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) found.push(child);
    }
  };
  visit("");
  return found.sort();
}

/**
 * The package manager and the directory to install from. In a pnpm, yarn, npm or bun workspace that
 * lists the app, the root's: installing in the package would make a second lockfile.
 */
function installerOf(dir: string): { packageManager: PackageManager; installDir: string } {
  for (let root = path.dirname(dir); root !== path.dirname(root); root = path.dirname(root)) {
    const globs = workspaceGlobs(root);
    if (!globs) continue;
    const relative = path.relative(root, dir).split(path.sep).join("/");
    if (!globs.some((glob) => globRegExp(glob).test(relative))) continue;
    const declared = readManifest(root)?.packageManager;
    const fromField = typeof declared === "string" ? (declared.split("@")[0] as PackageManager) : undefined;
    const packageManager =
      packageManagerFromLockfile(readdirSync(root)) ??
      (["npm", "pnpm", "yarn", "bun"].includes(fromField ?? "") ? fromField : undefined) ??
      (existsSync(path.join(root, "pnpm-workspace.yaml")) ? "pnpm" : "npm");
    return { packageManager, installDir: root };
  }
  return { packageManager: packageManagerFromLockfile(readdirSync(dir)) ?? "npm", installDir: dir };
}

/** The package globs a workspace root declares (pnpm-workspace.yaml, or package.json `workspaces`). */
function workspaceGlobs(root: string): string[] | undefined {
  const pnpmFile = path.join(root, "pnpm-workspace.yaml");
  if (existsSync(pnpmFile)) {
    const text = readFileSync(pnpmFile, "utf8");
    const block = /^packages:\s*\n((?:[ \t]*-[^\n]*\n?|[ \t]*#[^\n]*\n?|[ \t]*\n)*)/m.exec(text)?.[1] ?? "";
    return [...block.matchAll(/^[ \t]*-[ \t]*["']?([^"'\n#]+?)["']?[ \t]*(?:#.*)?$/gm)].map((match) => match[1]!);
  }
  const workspaces = readManifest(root)?.workspaces;
  const globs = Array.isArray(workspaces) ? workspaces : workspaces?.packages;
  return Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === "string") : undefined;
}

function readManifest(dir: string): Record<string, any> | undefined {
  try {
    return parseManifest(readFileSync(path.join(dir, "package.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** `packages/*`, `apps/**`, `tools/cli` as a RegExp over a package's path from the root. */
function globRegExp(glob: string): RegExp {
  const pattern = glob
    .replace(/^\.\//, "")
    .replace(/\/$/, "")
    .split("/")
    .map((part) => (part === "**" ? ".*" : part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")))
    .join("/");
  return new RegExp(`^${pattern}$`);
}

function isDirectory(file: string): boolean {
  return existsSync(file) && statSync(file).isDirectory();
}

/** A parsed source file. */
export interface Source {
  file: string;
  code: string;
  program: AstNode;
}

/** What the app already has of Inngest, found by parsing every source file that mentions it. */
export interface ExistingInngest {
  client?: ExportRef;
  serve?: { source: Source; call: AstNode; functions: AstNode | undefined };
}

export function readSource(project: Pick<Project, "files">, file: string): Source {
  const code = project.files.read(file) ?? "";
  return { file, code, program: parseSource(code, file) };
}

export function findInngest(project: Project): ExistingInngest {
  const found: ExistingInngest = {};
  for (const file of project.sources) {
    const code = project.files.read(file) ?? "";
    // Only a file that imports the SDK or the framework's serve handler can hold either.
    if (!/from\s*["']inngest(?:\/[\w-]+)?["']/.test(code)) continue;
    const source: Source = { file, code, program: parseSource(code, file) };
    const imports = importsOf(source.program);
    const inngestClass = imports.find(
      (binding) => binding.source === "inngest" && binding.imported === "Inngest",
    )?.local;
    // The framework's serve handler: a serve from another adapter (the test support's inngest/node) is not it.
    const serveName = imports.find(
      (binding) => binding.source === project.framework.serveModule && binding.imported === "serve",
    )?.local;

    if (inngestClass && !found.client) {
      for (let statement of source.program.body as AstNode[]) {
        const exported = statement.type === "ExportNamedDeclaration";
        if (exported && statement.declaration) statement = statement.declaration;
        if (statement.type !== "VariableDeclaration") continue;
        for (const declarator of statement.declarations as AstNode[]) {
          const init = declarator.init;
          if (
            init?.type === "NewExpression" &&
            init.callee.type === "Identifier" &&
            init.callee.name === inngestClass &&
            exported
          ) {
            found.client = { file, exportName: declarator.id.name };
          }
        }
      }
    }
    if (serveName && !found.serve) {
      walk(source.program, (node) => {
        if (
          found.serve ||
          node.type !== "CallExpression" ||
          node.callee.type !== "Identifier" ||
          node.callee.name !== serveName
        )
          return;
        const options = node.arguments[0];
        const functions =
          options?.type === "ObjectExpression"
            ? (options.properties as AstNode[]).find(
                (property) =>
                  property.type === "ObjectProperty" &&
                  property.key.type === "Identifier" &&
                  property.key.name === "functions",
              )
            : undefined;
        found.serve = { source, call: node, functions: functions?.value };
      });
    }
  }
  return found;
}
