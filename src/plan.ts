import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Feature } from "./features/index.js";
import type { Framework } from "./frameworks/index.js";
import { toAppId } from "./names.js";
import { commandsFor, gitignoreLines, packageManagerFiles, type PackageManager } from "./package-manager.js";
import { pinned } from "./versions.js";

export interface ProjectOptions {
  /** Absolute path of the directory to create. */
  targetDir: string;
  /** The `name` in package.json. */
  projectName: string;
  framework: Framework;
  features: readonly Feature[];
  packageManager: PackageManager;
}

export interface PlannedFile {
  /** Relative to the target directory, with forward slashes. */
  path: string;
  contents: string;
}

export interface Plan {
  options: ProjectOptions;
  files: PlannedFile[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

export const startersDir = fileURLToPath(new URL("../starters/", import.meta.url));
const INNGEST_DIR = "src/inngest";
const FUNCTIONS_DIR = `${INNGEST_DIR}/functions`;
const CLIENT_FILE = `${INNGEST_DIR}/client.ts`;

/** Everything the project will contain. Reads the starters; writes nothing. */
export function planProject(options: ProjectOptions): Plan {
  const { framework, features } = options;
  const files = new Map<string, string>();
  const addShared = (file: PlannedFile) => files.set(file.path, withImportExtension(file, framework));

  for (const file of readStarter("base")) addShared(file);
  for (const file of readStarter(framework.starter)) files.set(file.path, file.contents);
  for (const file of features.flatMap(featureFiles))
    addShared({ path: `${INNGEST_DIR}/${file.path}`, contents: file.contents });
  const clientMiddleware = features.flatMap((feature) => feature.clientMiddleware ?? []);
  if (clientMiddleware.length > 0) {
    const client = { path: CLIENT_FILE, contents: withClientMiddleware(files.get(CLIENT_FILE)!, clientMiddleware) };
    addShared(client);
  }
  addShared({ path: `${FUNCTIONS_DIR}/index.ts`, contents: functionsIndex(features) });

  const dependencies = sortKeys(pinned([...framework.dependencies, ...features.flatMap((f) => f.dependencies ?? [])]));
  const devDependencies = sortKeys(
    pinned([...framework.devDependencies, ...features.flatMap((f) => f.devDependencies ?? [])]),
  );
  files.set("package.json", packageJson(files.get("package.json"), options.projectName, dependencies, devDependencies));
  files.set(".env.example", envExample(files.get(".env.example") ?? "", features));
  files.set("README.md", readmeWithFeatures(files.get("README.md") ?? "", features));
  for (const file of packageManagerFiles(options.packageManager)) files.set(file.path, file.contents);
  const ignored = gitignoreLines(options.packageManager);
  if (ignored.length > 0)
    files.set(".gitignore", `${(files.get(".gitignore") ?? "").trimEnd()}\n${ignored.join("\n")}\n`);

  const tokens = templateTokens(options);
  const planned = [...files]
    .map(([filePath, contents]) => ({ path: filePath, contents: fillTokens(contents, tokens) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return { options, files: planned, dependencies, devDependencies };
}

export interface FeatureFile {
  /** Relative to the app's Inngest directory (`src/inngest`). */
  path: string;
  contents: string;
  /** Middleware and support files, which several features may share: written when absent. */
  shared: boolean;
}

/** What one feature writes: functions and tests, middleware, and the test support it needs. */
export function featureFiles(feature: Feature): FeatureFile[] {
  const fromFeature = (name: string) => readFileSync(path.join(startersDir, "features", feature.id, name), "utf8");
  return [
    ...feature.files.map((name) => ({ path: `functions/${name}`, contents: fromFeature(name), shared: false })),
    ...(feature.middlewareFiles ?? []).map((name) => ({
      path: `middleware/${name}`,
      contents: fromFeature(name),
      shared: true,
    })),
    ...(feature.supportFiles ?? []).map((name) => ({
      path: name,
      contents: readFileSync(path.join(startersDir, "support", name), "utf8"),
      shared: true,
    })),
  ];
}

/** Every file under `starters/<name>/`, with stored names such as `_gitignore` restored. */
function readStarter(name: string): PlannedFile[] {
  const root = path.join(startersDir, name);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      const relative = path.relative(root, absolute).split(path.sep);
      relative[relative.length - 1] = restoreStoredName(entry.name);
      return { path: relative.join("/"), contents: readFileSync(absolute, "utf8") };
    });
}

/** npm drops dot-files such as `.gitignore` from packages, so starters store them as `_gitignore`. */
export function restoreStoredName(name: string): string {
  return name.startsWith("_") ? `.${name.slice(1)}` : name;
}

/** Shared files import without extensions; NodeNext projects need `.js` on relative imports. */
function withImportExtension(file: PlannedFile, framework: Framework): string {
  if (!/\.tsx?$/.test(file.path) || framework.relativeImportExtension === "") return file.contents;
  return addImportExtension(file.contents, framework.relativeImportExtension);
}

export function addImportExtension(source: string, extension: string): string {
  return source.replace(
    /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"']+)\2/g,
    (match, lead, quote, specifier) =>
      path.posix.extname(specifier) === "" ? `${lead}${quote}${specifier}${extension}${quote}` : match,
  );
}

/** Registers middleware classes in the starter's client: `new Inngest({ id, middleware: [...] })`. */
export function withClientMiddleware(
  client: string,
  middleware: readonly { exportName: string; file: string }[],
): string {
  const oneLine = /new Inngest\(\{ id: ("[^"]*") \}\)/;
  const multiLine = /new Inngest\(\{\n {2}id: ("[^"]*"),\n/;
  const inngestConstructor = oneLine.test(client) ? oneLine : multiLine;
  if (!inngestConstructor.test(client))
    throw new Error("the starter client no longer has the shape `new Inngest({ id, ... })`");
  const imports = middleware.map(
    ({ exportName, file }) => `import { ${exportName} } from "./middleware/${file.replace(/\.ts$/, "")}";`,
  );
  const lines = client.split("\n");
  const lastImport = lines.findLastIndex((line) => line.startsWith("import "));
  lines.splice(lastImport + 1, 0, ...imports);
  const names = middleware.map((m) => m.exportName).join(", ");
  const rest = inngestConstructor === oneLine ? "})" : "";
  return lines.join("\n").replace(inngestConstructor, `new Inngest({\n  id: $1,\n  middleware: [${names}],\n${rest}`);
}

export function functionsIndex(features: readonly Feature[]): string {
  const registered = features.flatMap((feature) => feature.functions);
  if (registered.length === 0) {
    return [
      'import type { InngestFunction } from "inngest";',
      "",
      "// Add each function here to register it with the serve handler.",
      "export const functions: InngestFunction.Any[] = [];",
      "",
    ].join("\n");
  }
  const byFile = new Map<string, string[]>();
  for (const { exportName, file } of registered) {
    byFile.set(file, [...(byFile.get(file) ?? []), exportName]);
  }
  const imports = [...byFile].map(
    ([file, names]) => `import { ${names.join(", ")} } from "./${file.replace(/\.ts$/, "")}";`,
  );
  const names = registered.map((fn) => fn.exportName);
  return [
    ...imports,
    "",
    "// Every function here is registered with the serve handler.",
    formattedArray("export const functions = ", names, ";"),
    "",
  ].join("\n");
}

/** An array literal laid out as the formatter (Biome, 120 columns) would: on one line if it fits. */
export function formattedArray(before: string, items: readonly string[], after: string): string {
  const oneLine = `${before}[${items.join(", ")}]${after}`;
  return oneLine.length <= 120 ? oneLine : `${before}[\n${items.map((item) => `  ${item},`).join("\n")}\n]${after}`;
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

function envExample(base: string, features: readonly Feature[]): string {
  const lines = features.flatMap((feature) => (feature.env ?? []).map((env) => `# ${env.comment}\n${env.name}=`));
  const unique = [...new Set(lines)];
  return unique.length === 0 ? base : `${base}\n${unique.join("\n")}\n`;
}

function readmeWithFeatures(readme: string, features: readonly Feature[]): string {
  if (features.length === 0) return readme;
  const list = features.map((feature) => `- \`${feature.id}\` (${feature.group}): ${feature.description}.`);
  const notes = [...new Set(features.flatMap((feature) => (feature.readmeNote ? [feature.readmeNote] : [])))];
  return [readme.trimEnd(), "", "## Features", "", ...list, ...notes.flatMap((note) => ["", note]), ""].join("\n");
}

function templateTokens(options: ProjectOptions): Record<string, string> {
  const pm = commandsFor(options.packageManager);
  const tokens = {
    __APP_ID__: toAppId(options.projectName),
    __PROJECT_NAME__: options.projectName,
    __FRAMEWORK__: options.framework.label,
    __SERVE_HANDLER__: options.framework.serveHandlerPath,
    __INSTALL__: pm.install,
    __DEV__: pm.run("dev"),
    __BUILD__: pm.run("build"),
    __START__: pm.run("start"),
    __TYPECHECK__: pm.run("typecheck"),
    __TEST__: pm.run("test"),
  };
  // The README's deployment notes for this framework, from starters/deploy/ (not copied as a file).
  const deployNotes = readFileSync(path.join(startersDir, "deploy", `${options.framework.starter}.md`), "utf8");
  return { ...tokens, __DEPLOY_NOTES__: fillTokens(deployNotes, tokens).trimEnd() };
}

function fillTokens(contents: string, tokens: Record<string, string>): string {
  return contents.replace(/__[A-Z_]+__/g, (token) => tokens[token] ?? token);
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
