import path from "node:path";
import { relativeSpecifier } from "../../contributions/code-text.js";
import type { ImportExtension } from "../../frameworks/index.js";
import type { Project } from "../detect/project.js";

/** Through the `@/` alias when the project has one that covers the file, else relative. */
export function importPath(
  project: Project,
  fromDir: string,
  file: string,
  extension: ImportExtension,
  dropIndex = false,
): string {
  const alias = project.alias;
  if (alias && extension === "" && (alias.base === "" || file.startsWith(`${alias.base}/`))) {
    let target = file.replace(/\.(ts|tsx)$/, "").slice(alias.base === "" ? 0 : alias.base.length + 1);
    if (dropIndex && target.endsWith("/index")) target = target.slice(0, -"/index".length);
    return `${alias.prefix}${target}`;
  }
  return relativeSpecifier(fromDir, file, extension, dropIndex);
}

export function resolveModule(project: Project, fromDir: string, specifier: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(fromDir, specifier.replace(/\.(js|mjs|ts)$/, "")));
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((file) => project.sources.includes(file));
}
