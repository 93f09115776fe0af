import path from "node:path";
import { walk, type AstNode } from "../ast.js";
import type { Project } from "./project.js";

// How the app's modules point at one another, as the search for the served app follows them:
// what a binding is exported as, what an import resolves to, whether a module serves an app.

/** The names a top-level binding is exported as: "default", its own name, or an alias. */
export function exportedAs(program: AstNode, name: string): string[] {
  if (!name) return [];
  const names: string[] = [];
  for (const statement of program.body as AstNode[]) {
    if (statement.type === "ExportDefaultDeclaration") {
      const d = statement.declaration;
      if ((d.type === "Identifier" && d.name === name) || d.id?.name === name) names.push("default");
    } else if (statement.type === "ExportNamedDeclaration") {
      const d = statement.declaration;
      if (d?.id?.name === name || d?.declarations?.some((x: AstNode) => x.id?.name === name)) names.push(name);
      for (const s of statement.specifiers ?? [])
        if (s.local?.name === name) names.push(s.exported.name ?? s.exported.value);
    }
  }
  return names;
}

/** Whether the module listens on `app` (`app.listen`, `app.fetch`, `createServer(app)`). */
export function listens(program: AstNode, app: string): boolean {
  let found = false;
  walk(program, (node) => {
    if (found) return;
    const isApp = (n: AstNode | undefined) => n?.type === "Identifier" && n.name === app;
    if (node.type === "MemberExpression" && isApp(node.object) && ["listen", "fetch"].includes(node.property?.name))
      found = true;
    if (node.type === "CallExpression" && node.callee.type === "Identifier" && /^createServer$/.test(node.callee.name))
      found ||= isApp(node.arguments[0]);
  });
  return found;
}

/** The source file a relative or `@/` import names, if it is one of the project's. */
export function resolveImport(project: Project, fromFile: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(fromFile), specifier);
  else if (project.alias && specifier.startsWith(project.alias.prefix))
    base = path.posix.join(project.alias.base || ".", specifier.slice(project.alias.prefix.length));
  else return undefined;
  base = path.posix.normalize(base).replace(/\.([cm]?js|[cm]?ts|tsx)$/, "");
  return [`${base}.ts`, `${base}.tsx`, `${base}.mts`, `${base}/index.ts`, `${base}/index.tsx`].find((file) =>
    project.sources.includes(file),
  );
}
