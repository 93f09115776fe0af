import { indentAt, keyName, parseSource, walk, type AstNode } from "../ast.js";
import { applyEdits, type Edit } from "../plan/change-set.js";

// The app's own vitest settings, extended (never shadowed) with what the Inngest tests need:
// INNGEST_DEV=1 in `test.env`, and their folder in `test.include` when the app narrows it.

const EXTENSIONS = ["ts", "mts", "cts", "js", "mjs", "cjs"];

export type TestSetup =
  /** No vitest settings: the app gets the starter's vitest.config.ts. */
  | { kind: "none" }
  /** The file vitest reads its settings from: vitest.config.*, else vite.config.* when vitest runs. */
  | { kind: "config"; file: string }
  /** A workspace file, or `projects` in the config: each project has settings of its own. */
  | { kind: "projects"; file: string };

export function findTestSetup(read: (file: string) => string | null, usesVitest: boolean): TestSetup {
  const first = (base: string) => EXTENSIONS.map((ext) => `${base}.${ext}`).find((file) => read(file) !== null);
  const workspace =
    first("vitest.workspace") ?? (read("vitest.workspace.json") !== null ? "vitest.workspace.json" : undefined);
  if (workspace) return { kind: "projects", file: workspace };
  const vitestConfig = first("vitest.config");
  const viteConfig = first("vite.config");
  // vitest reads vite.config.* when there is no vitest.config.*: it is the app's test config when the
  // app runs vitest, or sets `test` there.
  const file =
    vitestConfig ?? (viteConfig && (usesVitest || /\btest\s*:/.test(read(viteConfig)!)) ? viteConfig : undefined);
  if (!file) return { kind: "none" };
  return /\b(projects|workspace)\s*:/.test(read(file)!) ? { kind: "projects", file } : { kind: "config", file };
}

export type ConfigEdit = { kind: "unchanged" } | { kind: "edit"; after: string } | { kind: "manual"; reason: string };

/**
 * The config with `INNGEST_DEV: "1"` in `test.env` and, when `test.include` is a list of globs that
 * misses `sampleTest`, `includeGlob` added to it; every other byte kept.
 */
export function withInngestTestSettings(
  code: string,
  file: string,
  sampleTest: string,
  includeGlob: string,
): ConfigEdit {
  const program = parseSource(code, file);
  const config = configObject(program);
  if (!config) return { kind: "manual", reason: "its default export is not a config object it can edit" };
  const quote = /^import[^\n]*'/m.test(code) ? "'" : '"';
  const str = (value: string) => `${quote}${value}${quote}`;
  const edits: Edit[] = [];
  const test = property(config, "test");
  if (!test) {
    // `test` in a Vite config type-checks only with vitest's defineConfig (or its reference).
    if (!/from\s+["']vitest\/config["']|reference types=["']vitest/.test(code))
      return { kind: "manual", reason: "it has no test settings, and its defineConfig is Vite's" };
    edits.push(member(code, config, `test: { env: { INNGEST_DEV: ${str("1")} } }`));
    return { kind: "edit", after: applyEdits(code, edits) };
  }
  if (test.value.type !== "ObjectExpression") return { kind: "manual", reason: "its test settings are not an object" };
  const env = property(test.value, "env");
  if (!env) edits.push(member(code, test.value, `env: { INNGEST_DEV: ${str("1")} }`));
  else if (env.value.type !== "ObjectExpression")
    return { kind: "manual", reason: "its test.env is computed, not an object" };
  else if (!property(env.value, "INNGEST_DEV")) edits.push(member(code, env.value, `INNGEST_DEV: ${str("1")}`));
  const include = property(test.value, "include");
  if (include?.value.type === "ArrayExpression") {
    const globs = (include.value.elements as (AstNode | null)[]).map((element) =>
      element?.type === "StringLiteral" ? (element.value as string) : undefined,
    );
    if (globs.every((glob) => glob !== undefined) && !globs.some((glob) => globRegExp(glob!).test(sampleTest))) {
      const last = (include.value.elements as AstNode[]).at(-1);
      edits.push(
        last
          ? { at: last.end, text: `, ${str(includeGlob)}` }
          : { at: include.value.start + 1, text: str(includeGlob) },
      );
    }
  }
  return edits.length === 0 ? { kind: "unchanged" } : { kind: "edit", after: applyEdits(code, edits) };
}

/** The object the default export gives: `{...}`, `defineConfig({...})`, `defineConfig(() => ({...}))`, or a const. */
function configObject(program: AstNode): AstNode | undefined {
  const body = program.body as AstNode[];
  const exported = body.find((statement) => statement.type === "ExportDefaultDeclaration")?.declaration;
  let node: AstNode | undefined = exported;
  if (node?.type === "Identifier") {
    const name = node.name;
    node = undefined;
    walk(program, (candidate) => {
      if (!node && candidate.type === "VariableDeclarator" && candidate.id.name === name) node = candidate.init;
    });
  }
  // Through defineConfig(...)/mergeConfig(...), arrow functions and `satisfies`: the object holding
  // `test`, else the first object given.
  let withTest: AstNode | undefined;
  let firstObject: AstNode | undefined;
  if (!node) return undefined;
  const visit = (current: AstNode | undefined): void => {
    if (!current) return;
    if (current.type === "ObjectExpression") {
      firstObject ??= current;
      if (!withTest && property(current, "test")) withTest = current;
    } else if (current.type === "CallExpression") for (const argument of current.arguments) visit(argument);
    else if (current.type === "ArrowFunctionExpression") visit(current.body);
    else if (current.type === "TSSatisfiesExpression" || current.type === "TSAsExpression") visit(current.expression);
    else if (current.type === "BlockStatement") {
      const returned = (current.body as AstNode[]).find((statement) => statement.type === "ReturnStatement");
      visit(returned?.argument);
    }
  };
  visit(node);
  return withTest ?? firstObject;
}

function property(object: AstNode, name: string): AstNode | undefined {
  return (object.properties as AstNode[]).find(
    (candidate) => candidate.type === "ObjectProperty" && keyName(candidate.key) === name,
  );
}

/** A new member at the end of an object literal, on a line of its own when the others are. */
function member(code: string, object: AstNode, text: string): Edit {
  const properties = object.properties as AstNode[];
  const last = properties.at(-1);
  if (!last) return { at: object.start + 1, text: ` ${text} ` };
  const multiline = code.slice(object.start, last.start).includes("\n");
  const separator = multiline ? `\n${indentAt(code, last.start)}` : " ";
  const rest = code.slice(last.end, object.end - 1);
  const comma = /^\s*,/.exec(rest);
  // After a trailing comma, the member keeps one of its own.
  return comma
    ? { at: last.end + comma[0].length, text: `${separator}${text},` }
    : { at: last.end, text: `,${separator}${text}` };
}

/** A vitest glob (`src/**\/*.{test,spec}.?(c|m)[jt]s?(x)`) as a RegExp over a path from the root. */
export function globRegExp(glob: string): RegExp {
  let pattern = "";
  const text = glob.replace(/^\.\//, "");
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (text.startsWith("**/", i)) {
      pattern += "(?:.*/)?";
      i += 2;
    } else if (text.startsWith("**", i)) {
      pattern += ".*";
      i += 1;
    } else if (char === "*") pattern += "[^/]*";
    else if (/[?+@!]/.test(char) && text[i + 1] === "(") {
      const end = text.indexOf(")", i);
      const inner = text
        .slice(i + 2, end)
        .split("|")
        .map(escapeRegExp)
        .join("|");
      pattern += `(?:${inner})${char === "?" ? "?" : char === "+" ? "+" : ""}`;
      i = end;
    } else if (char === "?") pattern += "[^/]";
    else if (char === "{") {
      const end = text.indexOf("}", i);
      pattern += `(?:${text
        .slice(i + 1, end)
        .split(",")
        .map(escapeRegExp)
        .join("|")})`;
      i = end;
    } else if (char === "[") {
      const end = text.indexOf("]", i);
      pattern += text.slice(i, end + 1);
      i = end;
    } else pattern += escapeRegExp(char);
  }
  return new RegExp(`^${pattern}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}
