import path from "node:path";
import type { AppCallMount } from "../../frameworks/framework.js";
import { enclosingStatement, importsOf, parseSource, walk, type AstNode } from "../ast.js";
import type { Project, Source } from "./project.js";
import { exportedAs, listens, resolveImport } from "./module-links.js";
import { isTestOrHelper } from "./source-kinds.js";

// Which app the serve handler is mounted on (Express, Hono): the app made by the framework (`express()`,
// `new Hono()`, a subclass such as `new OpenAPIHono()`) or by a factory of the app's that returns one
// (`createApp()` in lib/create-app.ts, followed one import away), resolved among several to the one
// that is served, and never a router mounted on another app. Only files that a text check says can
// hold one are parsed.

/** One place an app is made: the statement that assigns it (or the expression), in a parsed file. */
export interface AppSite {
  source: Source;
  statement: AstNode;
  /** The variable it is assigned to; "" when it is not assigned (`export default new Hono()`). */
  app: string;
  /** The local name of the framework's own import in that file (`express`), if it has one. */
  creator: string | undefined;
  /** `new Hono().basePath("/api")`: every route of the app, a mount too, is under this prefix. */
  basePath?: boolean;
}

export type AppSearch =
  | { kind: "found"; site: AppSite }
  | { kind: "none"; requiring: string[] }
  | { kind: "several"; sites: AppSite[] };

type Read = (file: string) => string | null;

/** The packages (and names) that make an app: the framework's own, then the subclasses it declares. */
function creatorsOf(mount: AppCallMount) {
  return [{ source: mount.create.source, imported: mount.create.imported }, ...(mount.create.subclasses ?? [])];
}

/** A cheap test on the text: can this file make an app (or be a factory of one)? */
function mayCreate(code: string, mount: AppCallMount): boolean {
  return creatorsOf(mount).some(({ source, imported }) => {
    const from = new RegExp(`from\\s*["']${source.replace(/[/.]/g, "\\$&")}["']`);
    if (!from.test(code)) return false;
    if (mount.create.isNew) return /\bnew\s+[\w$]+/.test(code);
    if (imported !== "default") return true;
    const local = new RegExp(`import\\s+([\\w$]+)\\s*(?:,\\s*\\{[^}]*\\}\\s*)?from\\s*["']${source}["']`).exec(
      code,
    )?.[1];
    return local !== undefined && new RegExp(`(?<![.\\w$])${local.replace(/\$/g, "\\$")}\\s*\\(`).test(code);
  });
}

interface Parsed extends Source {
  /** Local names that make an app here: `new` on a class, or a call (express, a factory). */
  makers: Map<string, "new" | "call">;
  /** Exported names of this module's functions that return an app ("default" for the default export). */
  factories: Set<string>;
  /** Function nodes here that return an app: what they make is counted where they are called. */
  factoryNodes: Set<AstNode>;
  creator: string | undefined;
}

/** Finds the app to mount on among the project's sources, as the editor reads them. */
export function findApp(project: Project, read: Read, inngestDir?: string): AppSearch {
  const mount = project.framework.mount as AppCallMount;
  const files = project.sources.filter((file) => !isTestOrHelper(file, inngestDir));
  const parsed = new Map<string, Parsed>();
  const requiring: string[] = [];
  const parse = (file: string, code: string) => {
    const source: Source = { file, code, program: parseSource(code, file) };
    const entry: Parsed = {
      ...source,
      makers: new Map(),
      factories: new Set(),
      factoryNodes: new Set(),
      creator: undefined,
    };
    parsed.set(file, entry);
    return entry;
  };

  for (const file of files) {
    const code = read(file) ?? "";
    if (mayCreate(code, mount)) {
      const entry = parse(file, code);
      for (const binding of importsOf(entry.program))
        for (const maker of creatorsOf(mount))
          if (binding.source === maker.source && binding.imported === maker.imported)
            entry.makers.set(binding.local, mount.create.isNew ? "new" : "call");
      entry.creator = importsOf(entry.program).find(
        (b) => b.source === mount.create.source && b.imported === mount.create.imported,
      )?.local;
      if (mount.create.isNew)
        for (const name of localSubclasses(entry.program, entry.makers)) entry.makers.set(name, "new");
      findFactories(entry);
    } else if (new RegExp(`require\\(\\s*["'\`]${mount.create.source}["'\`]\\s*\\)`).test(code)) requiring.push(file);
  }

  // Factories one import away: a module that imports `createApp` from one of them makes apps by calling it.
  const factoryModules = [...parsed.values()].filter((entry) => entry.factories.size > 0);
  if (factoryModules.length > 0) {
    for (const file of files) {
      const code = read(file) ?? "";
      const names = factoryModules.filter((m) =>
        code.includes(path.posix.basename(m.file).replace(/\.[cm]?tsx?$/, "")),
      );
      if (names.length === 0) continue;
      const entry = parsed.get(file) ?? parse(file, code);
      for (const binding of importsOf(entry.program)) {
        const target = resolveImport(project, file, binding.source);
        const factoryModule = factoryModules.find((m) => m.file === target);
        if (factoryModule?.factories.has(binding.imported)) entry.makers.set(binding.local, "call");
      }
    }
  }

  const sites: (AppSite & { mounted: boolean })[] = [];
  const mountedNames = new Map<string, Set<string>>(); // file -> names passed to .route(path, x) / .use(path, x)
  for (const entry of parsed.values()) {
    if (entry.makers.size === 0) continue;
    walk(entry.program, (node, ancestors) => {
      if (!isMaking(node, entry.makers)) return;
      if (ancestors.some((ancestor) => entry.factoryNodes.has(ancestor))) return;
      // The outermost call of a chain (`createRouter().openapi(...)`, `new Hono().route(...)`) holds the app.
      let top = node;
      let basePath = false;
      let i = ancestors.length - 1;
      while (i >= 1 && ancestors[i]!.type === "MemberExpression" && ancestors[i]!.object === top) {
        if (ancestors[i - 1]!.type !== "CallExpression" || ancestors[i - 1]!.callee !== ancestors[i]) break;
        top = ancestors[i - 1]!;
        basePath ||= ancestors[i]!.property?.name === "basePath";
        i -= 2;
      }
      const parent = ancestors[i];
      if (parent && isMountCall(parent) && parent.arguments[1] === top) return; // an inline router
      const declarator = parent?.type === "VariableDeclarator" && parent.init === top ? parent : undefined;
      // A class's field, as the TypeScript Express starters write it: `this.app = express()`.
      const field = parent?.type === "AssignmentExpression" && parent.right === top ? thisField(parent.left) : "";
      const statement = (declarator || field) && enclosingStatement(ancestors.slice(0, i), parent!);
      const app = declarator?.id.type === "Identifier" ? declarator.id.name : field;
      sites.push({
        source: entry,
        statement: statement && app ? statement : top,
        app,
        creator: entry.creator,
        ...(basePath && { basePath }),
        mounted: false,
      });
    });
    walk(entry.program, (node) => {
      if (!isMountCall(node) || node.arguments[1]?.type !== "Identifier") return;
      const names = mountedNames.get(entry.file) ?? new Set();
      names.add(node.arguments[1].name);
      mountedNames.set(entry.file, names);
    });
  }
  // A router: mounted by name in its own file, or imported by a file that mounts it.
  for (const [file, names] of mountedNames) {
    const entry = parsed.get(file)!;
    for (const site of sites) {
      if (site.source.file === file && names.has(site.app)) site.mounted = true;
      for (const binding of importsOf(entry.program)) {
        if (!names.has(binding.local) || resolveImport(project, file, binding.source) !== site.source.file) continue;
        if (exportedAs(site.source.program, site.app).includes(binding.imported)) site.mounted = true;
      }
    }
  }
  const apps = sites.filter((site) => !site.mounted);
  if (apps.length === 0) return { kind: "none", requiring };
  if (apps.length === 1) return { kind: "found", site: apps[0]! };

  const scored = apps.map((site) => ({ site, score: servedScore(project, read, files, parsed, site) }));
  const best = Math.max(...scored.map((entry) => entry.score));
  const top = scored.filter((entry) => entry.score === best).map((entry) => entry.site);
  return best > 0 && top.length === 1 ? { kind: "found", site: top[0]! } : { kind: "several", sites: apps };
}

function isMaking(node: AstNode, makers: Map<string, "new" | "call">): boolean {
  if (node.callee?.type !== "Identifier") return false;
  const kind = makers.get(node.callee.name);
  return (kind === "new" && node.type === "NewExpression") || (kind === "call" && node.type === "CallExpression");
}

/** `this.app` for an assignment to a field of `this`; "" for anything else. */
function thisField(target: AstNode): string {
  return target.type === "MemberExpression" &&
    target.object.type === "ThisExpression" &&
    !target.computed &&
    target.property.type === "Identifier"
    ? `this.${target.property.name}`
    : "";
}

/** `x.route("/path", router)` (Hono) or `x.use("/path", router)` (Express, Hono). */
function isMountCall(node: AstNode): boolean {
  return (
    node.type === "CallExpression" &&
    node.callee.type === "MemberExpression" &&
    ["route", "use"].includes(node.callee.property?.name) &&
    node.arguments.length >= 2 &&
    ["StringLiteral", "TemplateLiteral"].includes(node.arguments[0].type)
  );
}

/** `class Api extends Hono<Env> {}`: a subclass made in the module itself. */
function localSubclasses(program: AstNode, makers: Map<string, "new" | "call">): string[] {
  const names: string[] = [];
  for (let statement of program.body as AstNode[]) {
    if (statement.type.startsWith("Export") && statement.declaration) statement = statement.declaration;
    if (statement.type === "ClassDeclaration" && statement.superClass?.type === "Identifier")
      if (makers.has(statement.superClass.name) && statement.id) names.push(statement.id.name);
  }
  return names;
}

/**
 * The module's functions that return an app (`return new OpenAPIHono()`, `const app = createRouter();
 * ...; return app`, `=> createApp().route(...)`), until no more are found; with the names they are
 * exported as.
 */
function findFactories(entry: Parsed): void {
  const functions = new Map<string, AstNode>();
  for (let statement of entry.program.body as AstNode[]) {
    if (statement.type.startsWith("Export") && statement.declaration) statement = statement.declaration;
    if (statement.type === "FunctionDeclaration" && statement.id) functions.set(statement.id.name, statement);
    if (statement.type === "VariableDeclaration")
      for (const d of statement.declarations as AstNode[])
        if (d.id.type === "Identifier" && /Function/.test(d.init?.type ?? "")) functions.set(d.id.name, d.init);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, fn] of functions) {
      if (entry.factoryNodes.has(fn) || !returnsApp(fn, entry.makers)) continue;
      entry.factoryNodes.add(fn);
      entry.makers.set(name, "call");
      grew = true;
    }
  }
  for (const [name] of functions)
    if (entry.makers.get(name) === "call" && entry.factoryNodes.has(functions.get(name)!))
      for (const exported of exportedAs(entry.program, name)) entry.factories.add(exported);
}

function returnsApp(fn: AstNode, makers: Map<string, "new" | "call">): boolean {
  const makes = (expression: AstNode | null | undefined): boolean => {
    let node = expression;
    while (node?.type === "CallExpression" && node.callee.type === "MemberExpression") node = node.callee.object;
    while (node?.type === "TSAsExpression" || node?.type === "TSSatisfiesExpression") node = node.expression;
    return node ? isMaking(node, makers) : false;
  };
  if (fn.body.type !== "BlockStatement") return makes(fn.body);
  const made = new Set<string>();
  let returns = false;
  walk(fn.body, (node) => {
    if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && makes(node.init)) made.add(node.id.name);
    if (node.type === "ReturnStatement" && node.argument)
      returns ||= makes(node.argument) || (node.argument.type === "Identifier" && made.has(node.argument.name));
  });
  return returns;
}

/**
 * How plainly a site is the app that is served: 2 when it is listened on (`app.listen`, `serve({ fetch:
 * app.fetch })`, `createServer(app)`), in its file or in one that imports it; 1 when it is the default
 * export (how a Worker is served); 0 otherwise.
 */
function servedScore(
  project: Project,
  read: Read,
  files: string[],
  parsed: Map<string, Parsed>,
  site: AppSite,
): number {
  if (!site.app) return 0;
  if (listens(site.source.program, site.app)) return 2;
  const exported = exportedAs(site.source.program, site.app);
  const stem = path.posix.basename(site.source.file).replace(/\.[cm]?tsx?$/, "");
  for (const file of files) {
    if (file === site.source.file || exported.length === 0) continue;
    const code = read(file) ?? "";
    if (!code.includes(stem) || !/\.listen\(|\.fetch\b|createServer\(/.test(code)) continue;
    const entry = parsed.get(file) ?? { program: parseSource(code, file) };
    for (const binding of importsOf(entry.program))
      if (exported.includes(binding.imported) && resolveImport(project, file, binding.source) === site.source.file)
        if (listens(entry.program, binding.local)) return 2;
  }
  return exported.includes("default") ? 1 : 0;
}
