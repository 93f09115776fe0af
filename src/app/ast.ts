import { CliError } from "../support/errors.js";

/** The part of a Babel AST node that the add pipeline reads; positions are offsets in the source. */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: any;
}

type Parse = (code: string, options: Record<string, unknown>) => { program: AstNode };
type ParseExpression = (code: string, options: Record<string, unknown>) => AstNode;
type Parser = { parse: Parse; parseExpression: ParseExpression };
let parser: Parser | undefined;

/** Loads @babel/parser on first use: only `--add` needs it, so `create` starts without it. */
export async function loadParser(): Promise<void> {
  if (parser) return;
  // A CommonJS module: its exports are the namespace unbundled, and its `default` once bundled.
  const loaded = (await import("@babel/parser")) as unknown as Partial<Parser> & { default?: Parser };
  parser = typeof loaded.parseExpression === "function" ? (loaded as Parser) : loaded.default;
}

function requireParser() {
  if (!parser) throw new Error("loadParser() must run before parsing");
  return parser;
}

/** Parses TypeScript (and TSX) with positions; a syntax error names the file and stops the run. */
export function parseSource(code: string, file: string): AstNode {
  try {
    return requireParser().parse(code, {
      sourceType: "module",
      plugins: file.endsWith(".tsx") ? ["typescript", "jsx"] : ["typescript"],
      errorRecovery: false,
    }).program;
  } catch (error) {
    const where = (error as { loc?: { line: number; column: number } }).loc;
    const at = where ? ` (line ${where.line}, column ${where.column + 1})` : "";
    throw new CliError(`${file} does not parse${at}: ${firstLine(error)}. Nothing was changed.`, "parse-error");
  }
}

/** tsconfig.json allows comments and trailing commas: read it as a JavaScript expression. */
export function parseJsonc(code: string, file: string): unknown {
  try {
    return evaluate(requireParser().parseExpression(code, { plugins: [] }));
  } catch (error) {
    throw new CliError(`${file} does not parse: ${firstLine(error)}. Nothing was changed.`, "parse-error");
  }
}

function evaluate(node: AstNode): unknown {
  switch (node.type) {
    case "ObjectExpression":
      return Object.fromEntries(
        node.properties.map((property: AstNode) => [keyName(property.key), evaluate(property.value)]),
      );
    case "ArrayExpression":
      return node.elements.map((element: AstNode) => evaluate(element));
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
      return node.value;
    case "NullLiteral":
      return null;
    default:
      throw new Error(`unexpected ${node.type}`);
  }
}

export function keyName(key: AstNode): string | undefined {
  if (key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral") return key.value;
  return undefined;
}

/** Every node under `root`, depth first, with its parent chain. */
export function walk(root: AstNode, visit: (node: AstNode, ancestors: AstNode[]) => void): void {
  const ancestors: AstNode[] = [];
  const step = (node: AstNode) => {
    visit(node, ancestors);
    ancestors.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) step(child);
      } else if (isNode(value)) step(value);
    }
    ancestors.pop();
  };
  step(root);
}

function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as AstNode).type === "string";
}

/** Local names of what a module imports: `import x from "m"` and `import { y as z } from "m"`. */
export interface ImportBinding {
  local: string;
  /** "default", "*" or the imported name. */
  imported: string;
  source: string;
}

export function importsOf(program: AstNode): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of program.body as AstNode[]) {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
    for (const specifier of statement.specifiers as AstNode[]) {
      const imported =
        specifier.type === "ImportDefaultSpecifier"
          ? "default"
          : specifier.type === "ImportNamespaceSpecifier"
            ? "*"
            : (keyName(specifier.imported) ?? "");
      bindings.push({ local: specifier.local.name, imported, source: statement.source.value });
    }
  }
  return bindings;
}

/** Every name bound at the top of a module: imports, declarations. */
export function topLevelNames(program: AstNode): Set<string> {
  const names = new Set(importsOf(program).map((binding) => binding.local));
  for (let statement of program.body as AstNode[]) {
    if (statement.type === "ExportNamedDeclaration" && statement.declaration) statement = statement.declaration;
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations)
        if (declarator.id.type === "Identifier") names.add(declarator.id.name);
    } else if (statement.id?.type === "Identifier") names.add(statement.id.name);
  }
  return names;
}

/** The offset just after the last top-level import, or 0: where new imports go. */
export function afterLastImport(program: AstNode): number {
  const imports = (program.body as AstNode[]).filter((statement) => statement.type === "ImportDeclaration");
  return imports.length === 0 ? 0 : imports[imports.length - 1]!.end;
}

/** The statement that holds `node` directly inside a Program or block body, with that body. */
export function enclosingStatement(ancestors: AstNode[], node: AstNode): AstNode | undefined {
  const chain = [...ancestors, node];
  for (let i = chain.length - 1; i > 0; i--) {
    const parent = chain[i - 1]!;
    if (
      (parent.type === "Program" || parent.type === "BlockStatement") &&
      (parent.body as AstNode[]).includes(chain[i]!)
    ) {
      return chain[i];
    }
  }
  return undefined;
}

/** The whitespace that starts the line holding `offset`. */
export function indentAt(code: string, offset: number): string {
  const lineStart = code.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(code.slice(lineStart))![0];
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? message).replace(/\s*\(\d+:\d+\)$/, "");
}

/** A token of the source: its kind ("string", ";", "(", "template"...) and where it is. */
export interface Token {
  label: string;
  start: number;
  end: number;
}

/** The program and its tokens (comments left out). */
export function tokenize(code: string, file: string): { program: AstNode; tokens: Token[] } {
  const result = requireParser().parse(code, {
    sourceType: "module",
    plugins: file.endsWith(".tsx") ? ["typescript", "jsx"] : ["typescript"],
    tokens: true,
  }) as { program: AstNode; tokens?: { type: string | { label: string }; start: number; end: number }[] };
  const tokens = (result.tokens ?? [])
    .filter((token) => typeof token.type !== "string")
    .map((token) => ({ label: (token.type as { label: string }).label, start: token.start, end: token.end }));
  return { program: result.program, tokens };
}
