import path from "node:path";
import { importLine } from "../../contributions/code-text.js";
import { CliError } from "../../support/errors.js";
import { enclosingStatement, indentAt, topLevelNames, walk, type AstNode } from "../ast.js";
import { applyEdits, type Editor } from "../plan/change-set.js";
import type { Project, Source } from "../detect/project.js";
import { findApp } from "../detect/find-app.js";
import { trueOfThisApp } from "../plan/starter-text.js";
import { olderThan } from "../detect/framework-version.js";
import { importEdit, inStyleOf, isCall } from "./source-edits.js";
import { importPath } from "./specifiers.js";

// Mounting the serve handler in an app that has none: where the framework declares it goes (a route
// file, or a statement after the app is created), with the text the framework declares.

/** The serve handler for an app without one: a Next.js route file, or the mount in the app's file. */
export function mountServeHandler(
  project: Project,
  target: { clientFile: string; clientExport: string; indexFile: string },
  editor: Editor,
): void {
  refuseWithoutJsonParser(project);
  const { framework } = project;
  const mount = framework.mount;
  const clientImport = (fromDir: string) => {
    const name = target.clientExport === "inngest" ? "inngest" : `${target.clientExport} as inngest`;
    return importLine([name], importPath(project, fromDir, target.clientFile, editor.extension));
  };
  const routeText = (text: string) =>
    trueOfThisApp(project, { clientFile: target.clientFile, devEnvFile: project.devEnv.file }, text);
  const functionsImport = (fromDir: string) =>
    importLine(["functions"], importPath(project, fromDir, target.indexFile, editor.extension, true));

  if (mount.kind === "route-file" && project.pagesDir && mount.pagesRouteFile) {
    const apiDir = `${project.pagesDir}/api`;
    const existingRoute = ["inngest.ts", "inngest.js", "inngest/index.ts", "inngest/index.js"].find(
      (name) => editor.read(`${apiDir}/${name}`) !== null,
    );
    const route = routeText(mount.pagesRouteFile(clientImport(apiDir), functionsImport(apiDir)));
    if (existingRoute) {
      editor.plan.manual.push({
        file: `${apiDir}/${existingRoute}`,
        where: "the API route exists and does not serve Inngest; make it serve Inngest",
        lines: route.split("\n"),
      });
    } else editor.put(`${apiDir}/inngest.ts`, route);
    return;
  }
  if (mount.kind === "route-file") {
    const routeDir = `${project.appRouterDir}/api/inngest`;
    const existingRoute = ["route.ts", "route.js", "route.tsx"].find(
      (name) => editor.read(`${routeDir}/${name}`) !== null,
    );
    const route = routeText(mount.routeFile(clientImport(routeDir), functionsImport(routeDir)));
    if (existingRoute) {
      editor.plan.manual.push({
        file: `${routeDir}/${existingRoute}`,
        where: "the route exists and does not serve Inngest; make it serve Inngest",
        lines: route.split("\n"),
      });
    } else editor.put(`${routeDir}/route.ts`, route);
    return;
  }

  // A mount after the app is created, in the file that creates it (or calls the factory that does).
  const clientDir = path.posix.dirname(target.clientFile);
  const search = findApp(project, editor.read, path.posix.basename(clientDir) === "inngest" ? clientDir : undefined);
  if (search.kind === "none" && search.requiring.length > 0) {
    throw new CliError(
      `${search.requiring[0]} loads ${mount.create.source} with require(): --add edits apps written with import statements; change its require() calls to imports (or add Inngest by hand). Nothing was changed.`,
      "commonjs-project",
    );
  }
  const candidates = search.kind === "found" ? [search.site] : search.kind === "several" ? search.sites : [];
  const hostFile = candidates[0]?.source.file ?? (project.srcDir ? "src/index.ts" : "index.ts");
  const dir = path.posix.dirname(hostFile);
  const serveLocal = (source?: Source) =>
    source && topLevelNames(source.program).has("serve") ? "serveInngest" : "serve";
  const importServe = (local: string) =>
    importLine([local === "serve" ? "serve" : `serve as ${local}`], framework.serveModule);
  const found = search.kind === "found" && search.site.app && !search.site.basePath ? search.site : undefined;
  if (!found) {
    const local = serveLocal(candidates[0]?.source);
    const app = candidates[0]?.app || "app";
    editor.plan.manual.push({
      file: hostFile,
      where:
        candidates.length === 0
          ? `no ${project.frameworkLabel} app creation (${mount.create.example}) was found; in the file that creates your app, add the imports at the top and the mount after the app is created`
          : candidates.length > 1
            ? `${candidates.length} ${project.frameworkLabel} apps are created (${candidates.map((c) => c.source.file).join(", ")}) and none is plainly the one served; in the one that serves your routes, add the imports at the top and the mount after the app is created`
            : candidates[0]!.basePath
              ? "the app has a base path (.basePath(...)), under which the mount would serve too; add the imports at the top and mount the handler where it answers at /api/inngest"
              : `the app is not assigned to a variable (const app = ...); add the imports at the top and the mount after the app is created`,
      lines: [
        importServe(local),
        clientImport(dir),
        functionsImport(dir),
        "",
        mount.mountLine(app, local, mount.jsonBodyParser ? mount.create.source : undefined),
      ],
    });
    return;
  }

  const { source, statement, app } = found;
  // An app made by a factory of the app's: the framework's import for the parser may be missing here.
  const creator = found.creator ?? mount.create.source;
  const importCreator =
    found.creator === undefined && mount.jsonBodyParser ? [`import ${creator} from "${mount.create.source}";`] : [];
  const code = source.code;
  // An app-wide body parser (`app.use(express.json(...))`) already parses bodies; mount after it.
  let insertAfter = statement;
  let hasJsonParser = false;
  const parserMethod = mount.jsonBodyParser;
  if (parserMethod) {
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
      const parsesJson = isAppUse && node.arguments.length === 1 && isCall(node.arguments[0], creator, parserMethod);
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
  const needsParser = parserMethod !== undefined && !hasJsonParser;
  const line = mount.mountLine(app, local, needsParser ? creator : undefined);
  const comment = needsParser
    ? "// Inngest: the serve endpoint, with the JSON body parser its requests need."
    : "// Inngest: the serve endpoint.";
  editor.put(
    source.file,
    applyEdits(code, [
      importEdit(source, [...importCreator, importServe(local), clientImport(dir), functionsImport(dir)]),
      {
        at: insertAfter.end,
        text: `\n\n${indent}${comment}\n${indent}${line
          .split("\n")
          .map((statement) => inStyleOf(source, statement))
          .join(`\n${indent}`)}`,
      },
    ]),
  );
}

/**
 * The mount gives the Inngest path the framework's JSON parser (`express.json`): an app on a version
 * older than the one that brought it (Express before 4.16) is refused in one line. An app that
 * serves Inngest already gets no mount, and so is not asked.
 */
function refuseWithoutJsonParser({ framework, manifest, dir, installDir }: Project): void {
  const { mount } = framework;
  if (mount.kind !== "app-call" || !mount.jsonBodyParserSince) return;
  const since = mount.jsonBodyParserSince;
  const name = framework.detectDependencies[0]!;
  const range = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
  const runs = olderThan(since, name, range, [dir, installDir]);
  if (!runs) return;
  const label = framework.label.replace(/ \d+$/, "");
  throw new CliError(
    `This app runs ${label} ${runs}, which has no ${mount.create.source}.${mount.jsonBodyParser} (${label} ${since} brought it) to parse the JSON the Inngest handler receives: upgrade to ${since} or later, then run --add again. Nothing was changed.`,
    "unsupported-framework-version",
  );
}
