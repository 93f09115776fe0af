import { parseManifest } from "../edits/manifest.js";
import { parseJsonc, tokenize, walk } from "../ast.js";

// The app's formatter settings (Biome, Prettier, .editorconfig), applied to the files --add creates:
// generated text is indented with two spaces, in double quotes, with semicolons; an app whose
// formatter says otherwise gets its new files the way its formatter would leave them. Edits of
// existing files follow each file already.

export interface CodeStyle {
  indent?: { tabs: boolean; width: number };
  /** The indentation of JSON files, where Biome sets it apart. */
  jsonIndent?: { tabs: boolean; width: number };
  quote?: "single" | "double";
  semicolons?: boolean;
}

type Read = (file: string) => string | null;

/** Biome's settings when it has a config, else Prettier's (over .editorconfig, which Prettier reads too). */
export function readCodeStyle(read: Read, manifest: Record<string, unknown>): CodeStyle {
  return biomeStyle(read) ?? { ...editorconfigStyle(read), ...prettierStyle(read, manifest) };
}

function biomeStyle(read: Read): CodeStyle | undefined {
  const file = ["biome.json", "biome.jsonc"].find((name) => read(name) !== null);
  if (!file) return undefined;
  const config = tryJsonc(read(file)!, file) as BiomeConfig | undefined;
  if (!config) return undefined;
  if (config.formatter?.enabled === false) return {};
  const indentOf = (settings: BiomeFormatter | undefined, base: { tabs: boolean; width: number }) => ({
    tabs: settings?.indentStyle === undefined ? base.tabs : settings.indentStyle === "tab",
    width: typeof settings?.indentWidth === "number" ? settings.indentWidth : base.width,
  });
  // Biome indents with tabs unless told otherwise.
  const indent = indentOf(config.formatter, { tabs: true, width: 2 });
  const js = config.javascript?.formatter;
  return {
    indent: indentOf(js, indent),
    jsonIndent: indentOf(config.json?.formatter, indent),
    quote: js?.quoteStyle === "single" ? "single" : "double",
    semicolons: js?.semicolons !== "asNeeded",
  };
}

interface BiomeFormatter {
  enabled?: boolean;
  indentStyle?: string;
  indentWidth?: number;
  quoteStyle?: string;
  semicolons?: string;
}
interface BiomeConfig {
  formatter?: BiomeFormatter;
  javascript?: { formatter?: BiomeFormatter };
  json?: { formatter?: BiomeFormatter };
}

const PRETTIER_FILES = [".prettierrc", ".prettierrc.json", ".prettierrc.json5", ".prettierrc.yaml", ".prettierrc.yml"];

function prettierStyle(read: Read, manifest: Record<string, unknown>): CodeStyle {
  const file = PRETTIER_FILES.find((name) => read(name) !== null);
  const inManifest = manifest.prettier;
  const options: Record<string, unknown> | undefined = file
    ? (tryJsonc(read(file)!, file) ?? yamlOptions(read(file)!))
    : typeof inManifest === "object" && inManifest !== null
      ? (inManifest as Record<string, unknown>)
      : undefined;
  if (!options) return {};
  const style: CodeStyle = {};
  if (typeof options.useTabs === "boolean" || typeof options.tabWidth === "number")
    style.indent = {
      tabs: options.useTabs === true,
      width: typeof options.tabWidth === "number" ? options.tabWidth : 2,
    };
  if (typeof options.singleQuote === "boolean") style.quote = options.singleQuote ? "single" : "double";
  if (typeof options.semi === "boolean") style.semicolons = options.semi;
  return style;
}

/** `key: value` lines of a YAML .prettierrc (the form its docs show). */
function yamlOptions(text: string): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const match of text.matchAll(/^(\w+)\s*:\s*(\S+?)\s*$/gm)) {
    const value = match[2]!;
    options[match[1]!] =
      value === "true" ? true : value === "false" ? false : /^\d+$/.test(value) ? Number(value) : value;
  }
  return options;
}

/** The root .editorconfig's indent for TypeScript files: the sections matching `x.ts`, last one winning. */
function editorconfigStyle(read: Read): CodeStyle {
  const text = read(".editorconfig");
  if (text === null) return {};
  let applies = false;
  let style: string | undefined;
  let size: string | undefined;
  let tabWidth: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      applies = sectionMatchesTs(section[1]!);
      continue;
    }
    const pair = /^([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (!applies || !pair) continue;
    const [, key, value] = pair;
    if (key === "indent_style") style = value!.toLowerCase();
    else if (key === "indent_size") size = value!.toLowerCase();
    else if (key === "tab_width") tabWidth = value;
  }
  if (style === undefined && size === undefined) return {};
  const width = Number(size === "tab" || size === undefined ? (tabWidth ?? 2) : size) || 2;
  return { indent: { tabs: style === "tab", width } };
}

function sectionMatchesTs(glob: string): boolean {
  const pattern = glob
    .replace(/^\*\*\//, "")
    .replace(/[.+^$()|\\]/g, "\\$&")
    .replace(/\{([^}]*)\}/g, (_, items: string) => `(?:${items.split(",").join("|")})`)
    .replace(/\*\*/g, ".*")
    .replace(/\*/g, "[^/]*");
  return new RegExp(`^(?:.*/)?${pattern}$`).test("src/index.ts");
}

function tryJsonc(text: string, file: string): Record<string, unknown> | undefined {
  try {
    const value = file.endsWith(".json") || file.endsWith(".jsonc") ? parseJsonc(text, file) : parseManifest(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A new file's text as the app's formatter would leave it: indentation, quotes, semicolons. */
export function restyle(text: string, file: string, style: CodeStyle): string {
  const script = /\.(?:[cm]?[jt]s)$/.test(file);
  const json = /\.jsonc?$/.test(file);
  if (!script && !json) return text;
  let result = text;
  let keep: (offset: number) => boolean = () => false;
  if (script) {
    const edited = restyleTokens(result, file, style);
    result = edited.text;
    keep = edited.insideTemplate;
  }
  const indent = json ? (style.jsonIndent ?? style.indent) : style.indent;
  return indent ? reindent(result, indent, keep) : result;
}

/** Strings in the app's quotes, statement semicolons dropped where it leaves them out. */
function restyleTokens(
  text: string,
  file: string,
  style: CodeStyle,
): { text: string; insideTemplate: (offset: number) => boolean } {
  let parsed: ReturnType<typeof tokenize>;
  try {
    parsed = tokenize(text, file);
  } catch {
    return { text, insideTemplate: () => false };
  }
  const { tokens } = parsed;
  // Where interface and type-literal bodies open: their members' semicolons are separators, never a hazard.
  const typeBodies = new Set<number>();
  walk(parsed.program, (node) => {
    if (node.type === "TSInterfaceBody" || node.type === "TSTypeLiteral") typeBodies.add(node.start);
  });
  const edits: { start: number; end: number; text: string }[] = [];
  const templates: [number, number][] = [];
  // Open brackets: a semicolon right inside parentheses is a `for` header's.
  const open: { label: string; start: number }[] = [];
  for (const [i, token] of tokens.entries()) {
    if (["(", "{", "[", "${", "#{", "{|"].includes(token.label)) open.push(token);
    else if ([")", "}", "]", "|}"].includes(token.label)) open.pop();
    else if (token.label === "template") templates.push([token.start, token.end]);
    else if (token.label === "string" && style.quote === "single") {
      const raw = text.slice(token.start, token.end);
      if (raw.startsWith('"') && !raw.includes("'"))
        edits.push({ ...token, text: `'${raw.slice(1, -1).replace(/\\"/g, '"')}'` });
    } else if (token.label === ";" && style.semicolons === false && open.at(-1)?.label !== "(") {
      const next = tokens[i + 1];
      const lineEnds = !next || next.label === "eof" || text.slice(token.end, next.start).includes("\n");
      // A line that starts with one of these would join the previous statement without the semicolon.
      const member = typeBodies.has(open.at(-1)?.start ?? -1);
      const hazard = !member && next && ["(", "[", "`", "+/-", "/", "</>/<=/>="].includes(next.label);
      if (lineEnds && !hazard) edits.push({ ...token, text: "" });
    }
  }
  let result = text;
  for (const edit of edits.reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  // Offsets of template text, mapped onto the edited text.
  const shift = (offset: number) =>
    edits.reduce((sum, edit) => (edit.end <= offset ? sum + edit.text.length - (edit.end - edit.start) : sum), offset);
  const ranges = templates.map(([start, end]) => [shift(start), shift(end)] as const);
  return { text: result, insideTemplate: (offset) => ranges.some(([start, end]) => offset > start && offset <= end) };
}

/** Two-space indentation as tabs or another width; lines inside template literals stay. */
function reindent(text: string, indent: { tabs: boolean; width: number }, keep: (offset: number) => boolean): string {
  if (!indent.tabs && indent.width === 2) return text;
  let offset = 0;
  return text
    .split("\n")
    .map((line) => {
      const start = offset;
      offset += line.length + 1;
      const spaces = /^ */.exec(line)![0].length;
      if (spaces === 0 || keep(start)) return line;
      const levels = Math.floor(spaces / 2);
      const rest = " ".repeat(spaces % 2);
      return `${indent.tabs ? "\t".repeat(levels) : " ".repeat(levels * indent.width)}${rest}${line.slice(spaces)}`;
    })
    .join("\n");
}
