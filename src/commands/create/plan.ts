import { readFileSync } from "node:fs";
import path from "node:path";
import { AGENTS_FILE, agentsSection } from "../../contributions/agents.js";
import { devServerCommand } from "../../contributions/dev-server.js";
import { mcpConfigFiles, newMcpConfig } from "../../contributions/mcp.js";
import { addImportExtension, importLines, middlewareProperty, functionsIndex } from "../../contributions/code-text.js";
import {
  eventDeclarations,
  eventsModule,
  envExampleWith,
  featureDependencies,
  featureFiles,
  neededEvents,
  readmeWithFeatures,
  registeredFunctions,
} from "../../contributions/features.js";
import type { ExportRef, Feature } from "../../features/index.js";
import type { Framework, ImportExtension } from "../../frameworks/index.js";
import {
  CLIENT_FILE,
  EVENTS_FILE,
  FUNCTIONS_DIR,
  fillPlaceholders,
  INNGEST_DIR,
  MIDDLEWARE_DIR,
  type Placeholders,
  readStarterTree,
  startersDir,
  type StarterFile,
} from "../../contributions/layout.js";
import { toAppId, toWorkerName } from "../../support/names.js";
import {
  commandsFor,
  gitignoreLines,
  packageManagerFiles,
  type PackageManager,
} from "../../support/package-manager.js";
import { pinned } from "../../support/versions.js";

export interface ProjectOptions {
  /** Absolute path of the directory to create. */
  targetDir: string;
  /** The `name` in package.json. */
  projectName: string;
  framework: Framework;
  features: readonly Feature[];
  packageManager: PackageManager;
  /** AGENTS.md and the Dev Server's MCP configuration for coding agents (default: yes). */
  agents?: boolean;
  /** `--connect`: add `src/worker.ts`, its scripts and README section. */
  connect?: boolean;
}

/** A file of the new project, relative to its root with forward slashes. */
export type PlannedFile = StarterFile;

export interface Plan {
  options: ProjectOptions;
  files: PlannedFile[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/**
 * Everything the project will contain: the base and framework starters, then each contribution of
 * the features, applied to our own starter text at known spots. Reads the starters; writes nothing;
 * parses no code.
 */
export function planProject(options: ProjectOptions): Plan {
  const { framework, features } = options;
  const extension = framework.relativeImportExtension;
  const files = new Map<string, string>();
  const inInngestDir = (file: string, contents: string) =>
    files.set(`${INNGEST_DIR}/${file}`, /\.tsx?$/.test(file) ? addImportExtension(contents, extension) : contents);

  for (const file of readStarterTree("base")) files.set(file.path, file.contents);
  // The framework's starter overrides base files of the same name (see baseFile in layout.ts).
  for (const file of readStarterTree(framework.starter)) files.set(file.path, file.contents);
  for (const file of [...files.keys()].filter((name) => name.startsWith(`${INNGEST_DIR}/`)))
    inInngestDir(file.slice(INNGEST_DIR.length + 1), files.get(file)!);

  for (const file of features.flatMap(featureFiles)) inInngestDir(file.path, file.contents);
  const middleware = features.flatMap((feature) => feature.clientMiddleware ?? []);
  if (middleware.length > 0) {
    const client = files.get(`${INNGEST_DIR}/${CLIENT_FILE}`)!;
    inInngestDir(CLIENT_FILE, withClientMiddleware(client, middleware, extension));
  }
  const events = neededEvents(features);
  if (events.length > 0) inInngestDir(EVENTS_FILE, eventsModule(eventDeclarations(events)));
  inInngestDir(`${FUNCTIONS_DIR}/index.ts`, functionsIndex(registeredFunctions(features), extension));

  const wanted = featureDependencies(features);
  const dependencies = sortKeys(pinned([...framework.dependencies, ...wanted.dependencies]));
  const devDependencies = sortKeys(pinned([...framework.devDependencies, ...wanted.devDependencies]));
  if (options.connect) {
    files.set(WORKER_FILE, addImportExtension(readStarter("connect", WORKER_FILE), extension));
    files.set("package.json", withWorkerScripts(files.get("package.json")!));
    files.set("README.md", withWorkerSection(files.get("README.md")!, readStarter("connect", "README.md")));
  }
  files.set("package.json", packageJson(files.get("package.json"), options.projectName, dependencies, devDependencies));
  files.set(".env.example", envExampleWith(files.get(".env.example") ?? "", features));
  files.set("README.md", readmeWithFeatures(files.get("README.md") ?? "", features));
  for (const file of packageManagerFiles(options.packageManager)) files.set(file.path, file.contents);
  const ignored = gitignoreLines(options.packageManager);
  if (ignored.length > 0)
    files.set(".gitignore", `${(files.get(".gitignore") ?? "").trimEnd()}\n${ignored.join("\n")}\n`);

  if (options.agents !== false) {
    files.set(AGENTS_FILE, agentsSection(agentsFacts(options)));
    for (const config of mcpConfigFiles) files.set(config.path, newMcpConfig(config));
  }

  const placeholders = placeholdersOf(options);
  const planned = [...files]
    .map(([filePath, contents]) => ({ path: filePath, contents: fillPlaceholders(contents, placeholders) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return { options, files: planned, dependencies, devDependencies };
}

/**
 * Registers middleware classes in our starter client, at one of its two known shapes: on one line,
 * `new Inngest({ id: "..." })`, or one property per line. It inserts the same text `--add` does (a
 * property after the last one), laid out as the formatter would at 120 columns.
 */
export function withClientMiddleware(
  client: string,
  middleware: readonly ExportRef[],
  extension: ImportExtension,
): string {
  const oneLine = /^(.*new Inngest\(\{ id: "[^"]*".*?)( \}\);?)$/m;
  const multiLine = /^(.*new Inngest\(\{\n(?: {2}.*\n)*? {2}id: "[^"]*",\n(?: {2}.*\n)*?)(\}\);?)$/m;
  const property = middlewareProperty(middleware);
  let registered: string;
  const single = oneLine.exec(client);
  const multiple = single ? null : multiLine.exec(client);
  if (single) {
    const [whole, head, tail] = single as unknown as [string, string, string];
    const fits = `${head}, ${property}${tail}`;
    const id = head.slice(head.indexOf("{ ") + 2);
    const laidOut =
      fits.length <= 120
        ? fits
        : `${head.slice(0, head.indexOf("{ ") + 1)}\n  ${id},\n  ${property},\n})${tail.slice(3)}`;
    registered = client.replace(whole, () => laidOut);
  } else if (multiple) {
    const [whole, head, tail] = multiple as unknown as [string, string, string];
    registered = client.replace(whole, () => `${head}  ${property},\n${tail}`);
  } else {
    throw new Error('the starter client no longer has the shape `new Inngest({ id: "...", ... });`');
  }
  const imports = importLines(
    middleware.map((m) => ({ ...m, file: `${MIDDLEWARE_DIR}/${m.file}` })),
    ".",
    extension,
  );
  const lines = registered.split("\n");
  const lastImport = lines.findLastIndex((line) => line.startsWith("import "));
  lines.splice(lastImport + 1, 0, ...imports);
  return lines.join("\n");
}

const WORKER_FILE = "src/worker.ts";

function readStarter(starter: string, file: string): string {
  return readFileSync(path.join(startersDir, starter, file), "utf8");
}

/** `worker` runs the connect worker in dev mode as `dev` runs the server; `worker:start` runs its build. */
function withWorkerScripts(starterJson: string): string {
  const manifest = JSON.parse(starterJson) as { scripts: Record<string, string> };
  manifest.scripts.worker = "tsx --env-file=.env.development src/worker.ts";
  manifest.scripts["worker:start"] = "node dist/worker.js";
  return JSON.stringify(manifest);
}

/** The worker's section goes before "Going to production", after what the server's own sections say. */
function withWorkerSection(readme: string, section: string): string {
  const production = readme.indexOf("## Going to production");
  return `${readme.slice(0, production)}${section.trimEnd()}

${readme.slice(production)}`;
}

function packageJson(
  starterJson: string | undefined,
  name: string,
  dependencies: Record<string, string>,
  devDependencies: Record<string, string>,
): string {
  const manifest = JSON.parse(starterJson ?? "{}") as Record<string, unknown>;
  return `${JSON.stringify({ ...manifest, name, dependencies, devDependencies }, null, 2)}\n`;
}

function placeholdersOf(options: ProjectOptions): Placeholders {
  const pm = commandsFor(options.packageManager);
  const tokens = {
    __APP_ID__: toAppId(options.projectName),
    __PROJECT_NAME__: options.projectName,
    __WORKER_NAME__: toWorkerName(options.projectName),
    __FRAMEWORK__: options.framework.label,
    __SERVE_HANDLER__: options.framework.serveHandlerPath,
    __INSTALL__: pm.install,
    __DEV__: pm.run("dev"),
    __BUILD__: pm.run("build"),
    __START__: pm.run("start"),
    __DEPLOY__: pm.run("deploy"),
    __WORKER__: pm.run("worker"),
    __WORKER_START__: pm.run("worker:start"),
    __TYPECHECK__: pm.run("typecheck"),
    __TEST__: pm.run("test"),
  };
  // The README's deployment notes for this framework, from starters/deploy/ (not copied as a file).
  const deployNotes = readFileSync(path.join(startersDir, "deploy", `${options.framework.id}.md`), "utf8");
  return { ...tokens, __DEPLOY_NOTES__: fillPlaceholders(deployNotes, tokens).trimEnd() };
}

function agentsFacts(options: ProjectOptions) {
  const pm = commandsFor(options.packageManager);
  return {
    frameworkLabel: options.framework.label,
    appId: toAppId(options.projectName),
    clientFile: `${INNGEST_DIR}/${CLIENT_FILE}`,
    eventsFile: `${INNGEST_DIR}/${EVENTS_FILE}`,
    functionsDir: `${INNGEST_DIR}/${FUNCTIONS_DIR}`,
    serveHandler: options.framework.serveHandlerPath,
    devCommand: pm.run("dev"),
    devServerCommand: devServerCommand(options.framework.devPort),
    testCommand: pm.run("test"),
  };
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
