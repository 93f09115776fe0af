import path from "node:path";
import { importLines, middlewareProperty } from "../../contributions/code-text.js";
import type { ExportRef } from "../../features/index.js";
import { MIDDLEWARE_DIR } from "../../contributions/layout.js";
import { importsOf, indentAt, keyName, parseSource, walk, type AstNode } from "../ast.js";
import { applyEdits, type Edit, type Editor } from "../plan/change-set.js";
import { readSource, type ExistingInngest, type Project, type Source } from "../detect/project.js";
import { importEdit } from "./source-edits.js";
import { resolveModule } from "./specifiers.js";

// Registration: new functions in the array `serve` takes (or the one it imports), and middleware
// classes in `new Inngest({ ... })`. Each edit inserts text and moves no byte of the rest.

/** Adds middleware classes to `new Inngest({ ..., middleware: [...] })`, in the client's own layout. */
export function registerClientMiddleware(
  clientFile: string,
  inngestDir: string,
  middleware: readonly ExportRef[],
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
  const middlewareImports = (refs: readonly ExportRef[]) =>
    importLines(
      refs.map((m) => ({ ...m, file: `${inngestDir}/${MIDDLEWARE_DIR}/${m.file}` })),
      inngestDir,
      editor.extension,
    );
  let imports = middlewareImports(middleware);
  const property =
    options?.type === "ObjectExpression"
      ? (options.properties as AstNode[]).find((p) => p.type === "ObjectProperty" && keyName(p.key) === "middleware")
      : undefined;
  const edits: Edit[] = [];
  if (property?.value.type === "ArrayExpression") {
    const present = new Set(
      (property.value.elements as AstNode[]).flatMap((e) => (e?.type === "Identifier" ? [e.name] : [])),
    );
    const fresh = names.filter((name) => !present.has(name));
    if (fresh.length === 0) return;
    imports = middlewareImports(middleware.filter((m) => fresh.includes(m.exportName)));
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
    edits.push({ at: last.end, text: `,${separator}${middlewareProperty(middleware)}` });
  } else {
    editor.plan.manual.push({
      file: clientFile,
      where:
        "the client's options are not an object literal it can edit; register the middleware in new Inngest({ ... })",
      lines: [...imports, `${middlewareProperty(middleware)},`],
    });
    return;
  }
  edits.push(importEdit(source, imports));
  editor.put(clientFile, applyEdits(code, edits));
}

/** Adds the new functions to the array that the existing `serve(...)` takes, wherever it lives. */
export function registerFunctions(
  project: Project,
  existing: ExistingInngest,
  functions: readonly ExportRef[],
  editor: Editor,
): void {
  if (functions.length === 0) return;
  const { source, functions: value } = existing.serve!;
  const manual = (where: string) => {
    editor.plan.manual.push({
      file: source.file,
      where,
      lines: importLines(functions, path.posix.dirname(source.file), editor.extension).concat(
        `functions: [..., ${functions.map((fn) => fn.exportName).join(", ")}]`,
      ),
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
export function registerInArrayOf(source: Source, name: string, functions: readonly ExportRef[], editor: Editor): void {
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
function insertIntoArray(source: Source, array: AstNode, functions: readonly ExportRef[], editor: Editor): void {
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
      lines: importLines(fresh, path.posix.dirname(source.file), editor.extension),
    });
    return;
  }
  const elements = (array.elements as (AstNode | null)[]).filter((element): element is AstNode => element !== null);
  const names = fresh.map((fn) => fn.exportName);
  const edits: Edit[] = [];
  if (elements.length === 0) {
    edits.push({ at: array.start + 1, text: names.join(", ") });
  } else {
    const last = elements[elements.length - 1]!;
    const multiline = code.slice(array.start, last.start).includes("\n");
    const separator = multiline ? `,\n${indentAt(code, last.start)}` : ", ";
    edits.push({ at: last.end, text: names.map((name) => `${separator}${name}`).join("") });
  }
  edits.push(importEdit(source, importLines(fresh, path.posix.dirname(source.file), editor.extension)));
  editor.put(source.file, applyEdits(code, edits));
}
