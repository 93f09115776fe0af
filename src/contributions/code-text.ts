import path from "node:path";
import type { ExportRef } from "../features/feature.js";
import type { ImportExtension } from "../frameworks/framework.js";

// The text of code that create and `--add` both insert. Only where it goes differs: create puts it
// at a known spot of its own starter text, `--add` finds the spot by parsing the app's file.

/** Starter files import without extensions; NodeNext projects need `.js` on relative imports. */
export function addImportExtension(source: string, extension: ImportExtension): string {
  if (extension === "") return source;
  return source.replace(
    /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"']+)\2/g,
    (match, lead, quote, specifier) =>
      path.posix.extname(specifier) === "" ? `${lead}${quote}${specifier}${extension}${quote}` : match,
  );
}

/** A relative import from `fromDir` to `file`, without its TypeScript extension. */
export function relativeSpecifier(
  fromDir: string,
  file: string,
  extension: ImportExtension,
  dropIndex = false,
): string {
  let target = file.replace(/\.(ts|tsx|mts|cts)$/, "");
  if (dropIndex && extension === "" && target.endsWith("/index")) target = target.slice(0, -"/index".length);
  let relative = path.posix.relative(fromDir, target);
  // `src/inngest.ts` seen from `src/inngest/functions` is "..", which names the folder: name the file.
  if (relative === "" || relative === ".." || relative.endsWith("/.."))
    relative = path.posix.join(relative, "..", path.posix.basename(target));
  if (!relative.startsWith(".")) relative = `./${relative}`;
  return `${relative}${extension}`;
}

export function importLine(names: readonly string[], specifier: string): string {
  return `import { ${names.join(", ")} } from "${specifier}";`;
}

/** One import line per file, in first-seen order, for exports that live in files under `fromDir`. */
export function importLines(refs: readonly ExportRef[], fromDir: string, extension: ImportExtension): string[] {
  const byFile = new Map<string, string[]>();
  for (const { exportName, file } of refs) byFile.set(file, [...(byFile.get(file) ?? []), exportName]);
  return [...byFile].map(([file, names]) => importLine(names, relativeSpecifier(fromDir, file, extension)));
}

/** An array literal laid out as the formatter (Biome, 120 columns) would: on one line if it fits. */
export function formattedArray(before: string, items: readonly string[], after: string): string {
  const oneLine = `${before}[${items.join(", ")}]${after}`;
  return oneLine.length <= 120 ? oneLine : `${before}[\n${items.map((item) => `  ${item},`).join("\n")}\n]${after}`;
}

/**
 * `functions/index.ts` listing `functions`, whose `file`s are relative to the functions folder.
 * Create writes it whole; `--add` writes it when the app has none.
 */
export function functionsIndex(functions: readonly ExportRef[], extension: ImportExtension): string {
  if (functions.length === 0) {
    return [
      'import type { InngestFunction } from "inngest";',
      "",
      "// Add each function here to register it with the serve handler.",
      "export const functions: InngestFunction.Any[] = [];",
      "",
    ].join("\n");
  }
  return [
    ...importLines(functions, ".", extension),
    "",
    "// Every function here is registered with the serve handler.",
    formattedArray(
      "export const functions = ",
      functions.map((fn) => fn.exportName),
      ";",
    ),
    "",
  ].join("\n");
}

/** The property that registers middleware classes in `new Inngest({ ... })`. */
export function middlewareProperty(middleware: readonly ExportRef[]): string {
  return `middleware: [${middleware.map((m) => m.exportName).join(", ")}]`;
}
