import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Feature } from "../features/index.js";
import { toAppId } from "../names.js";
import { addImportExtension, featureFiles, functionsIndex, startersDir } from "../plan.js";
import { versions, type DependencyName } from "../versions.js";
import {
  afterLastImport,
  enclosingStatement,
  importsOf,
  indentAt,
  keyName,
  parseSource,
  topLevelNames,
  walk,
  type AstNode,
} from "./ast.js";
import { findInngest, readSource, type ExistingInngest, type Project, type Source } from "./detect.js";

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
  notes: string[];
}

/** Every change the add would make, computed from the files; writes nothing. */
export function planAdd(project: Project, requested: readonly Feature[]): AddPlan {
  const existing = findInngest(project);
  const files = new Map<string, FileChange>();
  const read = (file: string): string | null => {
    const planned = files.get(file);
    if (planned) return planned.after;
    const absolute = path.join(project.dir, file);
    return existsSync(absolute) ? readFileSync(absolute, "utf8") : null;
  };
  const put = (file: string, after: string) => {
    const before =
      files.get(file)?.before ??
      (existsSync(path.join(project.dir, file)) ? readFileSync(path.join(project.dir, file), "utf8") : null);
    if (before === after) files.delete(file);
    else files.set(file, { path: file, before, after });
  };
  const plan: AddPlan = {
    changes: [],
    manual: [],
    skipped: [],
    added: [],
    dependencies: {},
    devDependencies: {},
    notes: [],
  };
  const ext = project.importExtension;

  // New files go beside the client when it lives in an `inngest/` folder, else where a new app's would.
  const clientDir = existing.client ? path.posix.dirname(existing.client.file) : undefined;
  const inngestDir =
    clientDir && path.posix.basename(clientDir) === "inngest" ? clientDir : project.srcDir ? "src/inngest" : "inngest";
  const clientFile = existing.client?.file ?? `${inngestDir}/client.ts`;
  const clientExport = existing.client?.exportName ?? "inngest";
  const functionsDir = `${inngestDir}/functions`;
  const shared = (contents: string, fromDir: string) => {
    let text = contents;
    // Starter files import `{ inngest } from "../client"` (or "./client"): point them at the app's client.
    text = text.replace(/import \{ inngest \} from "(\.\.?\/client)";/g, () => {
      const name = clientExport === "inngest" ? "inngest" : `${clientExport} as inngest`;
      return `import { ${name} } from "${relativeSpecifier(fromDir, clientFile, "")}";`;
    });
    return ext ? addImportExtension(text, ext) : text;
  };

  for (const feature of requested) {
    const present = feature.files.every((name) => read(`${functionsDir}/${name}`) !== null);
    if (present) plan.skipped.push(feature);
    else plan.added.push(feature);
  }

  // The client and the test helpers, when the app has no Inngest yet.
  if (!existing.client) {
    const appId = toAppId(String(project.manifest.name ?? path.basename(project.dir)));
    put(clientFile, starter("base/src/inngest/client.ts").replace("__APP_ID__", appId));
  }
  if (read(`${inngestDir}/testing.ts`) === null) {
    put(`${inngestDir}/testing.ts`, shared(starter("base/src/inngest/testing.ts"), inngestDir));
  }
  const vitestConfig = ["vitest.config.ts", "vitest.config.mts", "vitest.config.js", "vitest.config.mjs"].find(
    (file) => read(file) !== null,
  );
  if (!vitestConfig) put("vitest.config.ts", starter("base/vitest.config.ts"));
  else if (!read(vitestConfig)!.includes("INNGEST_DEV")) {
    plan.notes.push(
      `${vitestConfig} exists and was left as it is: set INNGEST_DEV=1 in its test env (test: { env: { INNGEST_DEV: "1" } }) so the Inngest tests can call the endpoint.`,
    );
  }
  const envFile = read(".env.development");
  const gitignore = read(".gitignore") ?? "";
  if (/^\/?\.env(\*|\.development|\.\*)\s*$/m.test(gitignore) && !/^\s*INNGEST_DEV=/m.test(envFile ?? "")) {
    plan.notes.push(
      ".gitignore ignores .env.development: teammates who clone the app need INNGEST_DEV=1 in theirs (or in the dev script) for local development.",
    );
  }
  if (envFile === null) put(".env.development", starter("base/_env.development"));
  else if (!/^\s*INNGEST_DEV=/m.test(envFile)) {
    put(
      ".env.development",
      `${envFile}${envFile === "" || envFile.endsWith("\n") ? "" : "\n"}${starter("base/_env.development")}`,
    );
  }

  // Feature files.
  for (const file of plan.added.flatMap(featureFiles)) {
    const target = `${inngestDir}/${file.path}`;
    if (!file.shared || read(target) === null) put(target, shared(file.contents, path.posix.dirname(target)));
  }
  const middleware = plan.added.flatMap((feature) => feature.clientMiddleware ?? []);
  if (middleware.length > 0) registerClientMiddleware(clientFile, inngestDir, middleware, { read, put, plan, ext });

  // Registration and the serve handler.
  const newFunctions = plan.added.flatMap((feature) =>
    feature.functions.map((fn) => ({ ...fn, file: `${functionsDir}/${fn.file}` })),
  );
  if (existing.serve) {
    registerFunctions(project, existing, newFunctions, { read, put, plan, ext });
  } else {
    const indexFile = `${functionsDir}/index.ts`;
    if (read(indexFile) === null) {
      put(indexFile, shared(functionsIndex(plan.added), functionsDir));
    } else {
      const index = readSource(project, indexFile);
      registerInArrayOf(index, "functions", newFunctions, { read, put, plan, ext });
    }
    mountServeHandler(project, { clientFile, clientExport, indexFile }, { read, put, plan, ext });
  }

  // package.json
  const wanted: [DependencyName, "dependencies" | "devDependencies"][] = [
    ["inngest", "dependencies"],
    ...plan.added.flatMap((feature) =>
      (feature.dependencies ?? []).map((name) => [name, "dependencies"] as [DependencyName, "dependencies"]),
    ),
    ["@inngest/test", "devDependencies"],
    ["vitest", "devDependencies"],
    ...plan.added.flatMap((feature) =>
      (feature.devDependencies ?? []).map((name) => [name, "devDependencies"] as [DependencyName, "devDependencies"]),
    ),
  ];
  const has = { ...project.manifest.dependencies, ...project.manifest.devDependencies } as Record<string, string>;
  for (const [name, section] of wanted) if (!(name in has)) plan[section][name] = versions[name];
  const scripts = (project.manifest.scripts ?? {}) as Record<string, string>;
  const addTestScript = scripts.test === undefined;
  if (scripts.test !== undefined && !scripts.test.includes("vitest")) {
    plan.notes.push(
      `Your "test" script does not run vitest: run the Inngest tests with "npx vitest run ${inngestDir}".`,
    );
  }
  const manifestAfter = editManifest(
    project,
    plan.dependencies,
    plan.devDependencies,
    addTestScript ? { test: "vitest run" } : {},
  );
  if (manifestAfter === undefined) {
    plan.manual.push({
      file: "package.json",
      where: "its formatting is not the one npm writes, so it was left as it is; add these entries",
      lines: [
        ...Object.entries(plan.dependencies).map(([name, version]) => `"dependencies": "${name}": "${version}"`),
        ...Object.entries(plan.devDependencies).map(([name, version]) => `"devDependencies": "${name}": "${version}"`),
        ...(addTestScript ? [`"scripts": "test": "vitest run"`] : []),
      ],
    });
  } else put("package.json", manifestAfter);

  if (project.framework.add.devModeNote && plan.changes.length + files.size > 0)
    plan.notes.push(project.framework.add.devModeNote);
  plan.changes = [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
  return plan;
}

interface Editor {
  read: (file: string) => string | null;
  put: (file: string, after: string) => void;
  plan: AddPlan;
  ext: "" | ".js";
}

/** Adds middleware classes to `new Inngest({ ..., middleware: [...] })`, in the client's own layout. */
function registerClientMiddleware(
  clientFile: string,
  inngestDir: string,
  middleware: { exportName: string; file: string }[],
  editor: Editor,
): void {
  const code = editor.read(clientFile)!;
  const source: Source = { file: clientFile, code, program: parseSource(code, clientFile) };
  let options: AstNode | undefined;
  walk(source.program, (node) => {
    if (
      !options &&
      node.type === "NewExpression" &&
      node.callee.type === "Identifier" &&
      node.callee.name === "Inngest"
    )
      options = node.arguments[0];
  });
  const names = middleware.map((m) => m.exportName);
  const imports = middleware.map(
    (m) =>
      `import { ${m.exportName} } from "${relativeSpecifier(inngestDir, `${inngestDir}/middleware/${m.file}`, editor.ext)}";`,
  );
  const property =
    options?.type === "ObjectExpression"
      ? (options.properties as AstNode[]).find((p) => p.type === "ObjectProperty" && keyName(p.key) === "middleware")
      : undefined;
  const edits: { at: number; text: string }[] = [];
  if (property?.value.type === "ArrayExpression") {
    const present = new Set(
      (property.value.elements as AstNode[]).flatMap((e) => (e?.type === "Identifier" ? [e.name] : [])),
    );
    const fresh = names.filter((name) => !present.has(name));
    if (fresh.length === 0) return;
    const elements = (property.value.elements as (AstNode | null)[]).filter((e): e is AstNode => e !== null);
    const last = elements[elements.length - 1];
    edits.push(
      last
        ? { at: last.end, text: fresh.map((name) => `, ${name}`).join("") }
        : { at: property.value.start + 1, text: fresh.join(", ") },
    );
  } else if (options?.type === "ObjectExpression" && !property && options.properties.length > 0) {
    const last = (options.properties as AstNode[])[options.properties.length - 1]!;
    const multiline = code.slice(options.start, last.start).includes("\n");
    const separator = multiline ? `\n${indentAt(code, last.start)}` : " ";
    edits.push({ at: last.end, text: `,${separator}middleware: [${names.join(", ")}]` });
  } else {
    editor.plan.manual.push({
      file: clientFile,
      where:
        "the client's options are not an object literal it can edit; register the middleware in new Inngest({ ... })",
      lines: [...imports, `middleware: [${names.join(", ")}],`],
    });
    return;
  }
  edits.push(importEdit(source, imports));
  editor.put(clientFile, applyEdits(code, edits));
}

/** Adds the new functions to the array that the existing `serve(...)` takes, wherever it lives. */
function registerFunctions(
  project: Project,
  existing: ExistingInngest,
  functions: { exportName: string; file: string }[],
  editor: Editor,
): void {
  if (functions.length === 0) return;
  const { source, functions: value } = existing.serve!;
  const manual = (where: string) => {
    editor.plan.manual.push({
      file: source.file,
      where,
      lines: functions
        .map(
          (fn) =>
            `import { ${fn.exportName} } from "${relativeSpecifier(path.posix.dirname(source.file), fn.file, editor.ext)}";`,
        )
        .concat(`functions: [..., ${functions.map((fn) => fn.exportName).join(", ")}]`),
    });
  };
  if (!value) {
    manual("serve({ client, functions }) has no functions property: add the new functions to the one it should have");
    return;
  }
  if (value.type === "ArrayExpression") {
    insertIntoArray(source, value, functions, editor);
    return;
  }
  if (value.type === "Identifier") {
    const binding = importsOf(source.program).find((b) => b.local === value.name);
    const alias = project.alias;
    const viaAlias = binding && alias && binding.source.startsWith(alias.prefix);
    if (binding && (binding.source.startsWith(".") || viaAlias)) {
      const target = viaAlias
        ? resolveModule(project, alias!.base || ".", `./${binding.source.slice(alias!.prefix.length)}`)
        : resolveModule(project, path.posix.dirname(source.file), binding.source);
      if (target) {
        registerInArrayOf(readSource(project, target), binding.imported, functions, editor);
        return;
      }
    } else if (!binding) {
      registerInArrayOf(source, value.name, functions, editor);
      return;
    }
  }
  manual(`the functions passed to serve(...) are not an array literal it can edit; register the new functions there`);
}

/** Finds `const <name> = [...]` at the top of `source` and adds the functions to it. */
function registerInArrayOf(
  source: Source,
  name: string,
  functions: { exportName: string; file: string }[],
  editor: Editor,
): void {
  if (functions.length === 0) return;
  for (let statement of source.program.body as AstNode[]) {
    if (statement.type === "ExportNamedDeclaration" && statement.declaration) statement = statement.declaration;
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations as AstNode[]) {
      let init = declarator.init;
      while (init && (init.type === "TSAsExpression" || init.type === "TSSatisfiesExpression")) init = init.expression;
      if (declarator.id.name === name && init?.type === "ArrayExpression") {
        insertIntoArray(source, init, functions, editor);
        return;
      }
    }
  }
  editor.plan.manual.push({
    file: source.file,
    where: `no array literal named ${name} was found; register the new functions where the app lists its functions`,
    lines: functions.map((fn) => `${fn.exportName} (from ${fn.file})`),
  });
}

/** Inserts identifiers at the end of an array literal, in its own layout, and imports them. */
function insertIntoArray(
  source: Source,
  array: AstNode,
  functions: { exportName: string; file: string }[],
  editor: Editor,
): void {
  const present = new Set(
    (array.elements as (AstNode | null)[]).flatMap((element) => (element?.type === "Identifier" ? [element.name] : [])),
  );
  const fresh = functions.filter((fn) => !present.has(fn.exportName));
  if (fresh.length === 0) return;
  const code = editor.read(source.file) ?? source.code;
  if (code !== source.code) {
    // Another edit of this plan already changed the file (its middleware): ask rather than guess.
    editor.plan.manual.push({
      file: source.file,
      where: "add the new functions to the functions array",
      lines: fresh.map(
        (fn) =>
          `import { ${fn.exportName} } from "${relativeSpecifier(path.posix.dirname(source.file), fn.file, editor.ext)}";`,
      ),
    });
    return;
  }
  const elements = (array.elements as (AstNode | null)[]).filter((element): element is AstNode => element !== null);
  const names = fresh.map((fn) => fn.exportName);
  const edits: { at: number; text: string }[] = [];
  if (elements.length === 0) {
    edits.push({ at: array.start + 1, text: names.join(", ") });
  } else {
    const last = elements[elements.length - 1]!;
    const multiline = code.slice(array.start, last.start).includes("\n");
    const separator = multiline ? `,\n${indentAt(code, last.start)}` : ", ";
    edits.push({ at: last.end, text: names.map((name) => `${separator}${name}`).join("") });
  }
  const dir = path.posix.dirname(source.file);
  const byFile = new Map<string, string[]>();
  for (const fn of fresh) byFile.set(fn.file, [...(byFile.get(fn.file) ?? []), fn.exportName]);
  const imports = [...byFile].map(
    ([file, names]) => `import { ${names.join(", ")} } from "${relativeSpecifier(dir, file, editor.ext)}";`,
  );
  edits.push(importEdit(source, imports));
  editor.put(source.file, applyEdits(code, edits));
}

/** The serve handler for an app without one: a Next.js route file, or the mount in the app's file. */
function mountServeHandler(
  project: Project,
  target: { clientFile: string; clientExport: string; indexFile: string },
  editor: Editor,
): void {
  const { framework } = project;
  const mount = framework.add.mount;
  const clientImport = (fromDir: string) => {
    const name = target.clientExport === "inngest" ? "inngest" : `${target.clientExport} as inngest`;
    return `import { ${name} } from "${importPath(project, fromDir, target.clientFile, editor.ext)}";`;
  };
  const functionsImport = (fromDir: string) =>
    `import { functions } from "${importPath(project, fromDir, target.indexFile, editor.ext, true)}";`;

  if (mount.kind === "route-file") {
    const routeDir = `${project.appRouterDir}/api/inngest`;
    const existingRoute = ["route.ts", "route.js", "route.tsx"].find(
      (name) => editor.read(`${routeDir}/${name}`) !== null,
    );
    const lines = [
      `import { serve } from "inngest/next";`,
      clientImport(routeDir),
      functionsImport(routeDir),
      "",
      "export const { GET, POST, PUT } = serve({ client: inngest, functions });",
      "",
    ];
    if (existingRoute) {
      editor.plan.manual.push({
        file: `${routeDir}/${existingRoute}`,
        where: "the route exists and does not serve Inngest; make it serve Inngest",
        lines,
      });
    } else editor.put(`${routeDir}/route.ts`, lines.join("\n"));
    return;
  }

  // Express and Hono: the file that creates the app.
  const candidates: { source: Source; statement: AstNode; app: string; creator: string }[] = [];
  for (const file of project.sources) {
    // Tests often make apps of their own; the one to mount on is in the app's code.
    if (
      /\.(test|spec)\.tsx?$/.test(file) ||
      file.split("/").some((part) => part === "test" || part === "tests" || part === "__tests__")
    )
      continue;
    const code = editor.read(file)!;
    if (!code.includes(mount.create.source)) continue;
    const source = readSource(project, file);
    const creator = importsOf(source.program).find(
      (b) => b.source === mount.create.source && b.imported === mount.create.imported,
    )?.local;
    if (!creator) continue;
    walk(source.program, (node, ancestors) => {
      const isCreation = mount.create.isNew ? node.type === "NewExpression" : node.type === "CallExpression";
      if (!isCreation || node.callee.type !== "Identifier" || node.callee.name !== creator) return;
      const parent = ancestors[ancestors.length - 1];
      const declarator = parent?.type === "VariableDeclarator" && parent.init === node ? parent : undefined;
      const statement = declarator && enclosingStatement(ancestors.slice(0, -1), parent!);
      const app = declarator?.id.type === "Identifier" ? declarator.id.name : undefined;
      if (statement && app) candidates.push({ source, statement, app, creator });
      else candidates.push({ source, statement: node, app: "", creator });
    });
  }
  const hostFile = candidates[0]?.source.file ?? (project.srcDir ? "src/index.ts" : "index.ts");
  const dir = path.posix.dirname(hostFile);
  const serveLocal = (source?: Source) =>
    source && topLevelNames(source.program).has("serve") ? "serveInngest" : "serve";
  const importServe = (local: string) =>
    `import { ${local === "serve" ? "serve" : `serve as ${local}`} } from "${framework.add.serveModule}";`;
  const found = candidates.length === 1 && candidates[0]!.app ? candidates[0]! : undefined;
  if (!found) {
    const local = serveLocal(candidates[0]?.source);
    const app = candidates[0]?.app || "app";
    editor.plan.manual.push({
      file: hostFile,
      where:
        candidates.length === 0
          ? `no ${framework.label} app creation (${mount.create.isNew ? "new Hono()" : "express()"}) was found; in the file that creates your app, add the imports at the top and the mount after the app is created`
          : candidates.length > 1
            ? `${candidates.length} ${framework.label} apps are created (${candidates.map((c) => c.source.file).join(", ")}); in the one that serves your routes, add the imports at the top and the mount after the app is created`
            : `the app is not assigned to a variable (const app = ...); add the imports at the top and the mount after the app is created`,
      lines: [
        importServe(local),
        clientImport(dir),
        functionsImport(dir),
        "",
        mount.mountLine(app, local, framework.id === "express" ? "express" : undefined),
      ],
    });
    return;
  }

  const { source, statement, app, creator } = found;
  const code = source.code;
  // Express: an app-wide `app.use(express.json(...))` already parses bodies; mount after it.
  let insertAfter = statement;
  let hasJsonParser = false;
  if (framework.id === "express") {
    const body = (source.program.body as AstNode[]).includes(statement)
      ? (source.program.body as AstNode[])
      : undefined;
    walk(source.program, (node, ancestors) => {
      if (hasJsonParser || node.type !== "CallExpression") return;
      const callee = node.callee;
      const isAppUse =
        callee.type === "MemberExpression" &&
        callee.object.type === "Identifier" &&
        callee.object.name === app &&
        callee.property.name === "use";
      const parsesJson = isAppUse && node.arguments.length === 1 && isCall(node.arguments[0], creator, "json");
      if (!parsesJson) return;
      const owner = enclosingStatement(ancestors, node);
      if (owner && body?.includes(owner) && owner.start > statement.start) {
        hasJsonParser = true;
        insertAfter = owner;
      }
    });
  }
  const local = serveLocal(source);
  const indent = indentAt(code, insertAfter.start);
  const line = mount.mountLine(app, local, framework.id === "express" && !hasJsonParser ? creator : undefined);
  const comment =
    framework.id === "express" && !hasJsonParser
      ? "// Inngest: the serve endpoint, with the JSON body parser its requests need."
      : "// Inngest: the serve endpoint.";
  editor.put(
    source.file,
    applyEdits(code, [
      importEdit(source, [importServe(local), clientImport(dir), functionsImport(dir)]),
      { at: insertAfter.end, text: `\n\n${indent}${comment}\n${indent}${inStyleOf(source, line)}` },
    ]),
  );
}

function isCall(node: AstNode | undefined, object: string, method: string): boolean {
  return (
    node?.type === "CallExpression" &&
    node.callee.type === "MemberExpression" &&
    node.callee.object.type === "Identifier" &&
    node.callee.object.name === object &&
    node.callee.property.name === method
  );
}

/** The file's own quotes and semicolons, read from its first import, applied to generated lines. */
function inStyleOf(source: Source, line: string): string {
  const first = (source.program.body as AstNode[]).find((statement) => statement.type === "ImportDeclaration");
  if (!first) return line;
  const text = source.code.slice(first.start, first.end);
  let styled = text.includes("'") ? line.replace(/"/g, "'") : line;
  if (!text.endsWith(";")) styled = styled.replace(/;$/, "");
  return styled;
}

/** New import lines after the last import (or at the top), on their own lines. */
function importEdit(source: Source, generated: string[]): { at: number; text: string } {
  const lines = generated.map((line) => inStyleOf(source, line));
  const at = afterLastImport(source.program);
  return at === 0 ? { at: 0, text: `${lines.join("\n")}\n\n` } : { at, text: `\n${lines.join("\n")}` };
}

function applyEdits(code: string, edits: { at: number; text: string }[]): string {
  let result = code;
  for (const edit of [...edits].sort((a, b) => b.at - a.at))
    result = result.slice(0, edit.at) + edit.text + result.slice(edit.at);
  return result;
}

/** A relative import from `fromDir` to `file`, without its TypeScript extension. */
export function relativeSpecifier(fromDir: string, file: string, ext: "" | ".js", dropIndex = false): string {
  let target = file.replace(/\.(ts|tsx|mts|cts)$/, "");
  if (dropIndex && ext === "" && target.endsWith("/index")) target = target.slice(0, -"/index".length);
  let relative = path.posix.relative(fromDir, target);
  // `src/inngest.ts` seen from `src/inngest/functions` is "..", which names the folder: name the file.
  if (relative === "" || relative === ".." || relative.endsWith("/.."))
    relative = path.posix.join(relative, "..", path.posix.basename(target));
  if (!relative.startsWith(".")) relative = `./${relative}`;
  return `${relative}${ext}`;
}

/** Through the `@/` alias when the project has one that covers the file, else relative. */
function importPath(project: Project, fromDir: string, file: string, ext: "" | ".js", dropIndex = false): string {
  const alias = project.alias;
  if (alias && ext === "" && (alias.base === "" || file.startsWith(`${alias.base}/`))) {
    let target = file.replace(/\.(ts|tsx)$/, "").slice(alias.base === "" ? 0 : alias.base.length + 1);
    if (dropIndex && target.endsWith("/index")) target = target.slice(0, -"/index".length);
    return `${alias.prefix}${target}`;
  }
  return relativeSpecifier(fromDir, file, ext, dropIndex);
}

function resolveModule(project: Project, fromDir: string, specifier: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(fromDir, specifier.replace(/\.(js|mjs|ts)$/, "")));
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((file) => project.sources.includes(file));
}

function starter(file: string): string {
  return readFileSync(path.join(startersDir, file), "utf8");
}

/**
 * package.json with new entries, keeping its layout: only when it is in the layout npm writes
 * (JSON.stringify with its own indent), which re-serialising reproduces byte for byte. Else undefined.
 */
export function editManifest(
  project: Project,
  dependencies: Record<string, string>,
  devDependencies: Record<string, string>,
  scripts: Record<string, string>,
): string | undefined {
  const text = project.manifestText;
  if (Object.keys(dependencies).length + Object.keys(devDependencies).length + Object.keys(scripts).length === 0)
    return text;
  const indent = /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const serialise = (value: unknown) => {
    const json = JSON.stringify(value, null, indent).replace(/\n/g, eol);
    return text.endsWith(eol) ? `${json}${eol}` : json;
  };
  if (serialise(project.manifest) !== text) return undefined;
  const manifest = structuredClone(project.manifest);
  const merge = (section: string, entries: Record<string, string>) => {
    if (Object.keys(entries).length === 0) return;
    const current = (manifest[section] ?? {}) as Record<string, string>;
    const keys = Object.keys(current);
    const sorted = keys.every((key, i) => i === 0 || keys[i - 1]!.localeCompare(key) <= 0);
    const merged = { ...current, ...entries };
    manifest[section] =
      sorted && section !== "scripts"
        ? Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)))
        : merged;
  };
  merge("scripts", scripts);
  merge("dependencies", dependencies);
  merge("devDependencies", devDependencies);
  return serialise(manifest);
}
