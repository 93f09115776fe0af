// Small pieces of TypeScript text laid out as Biome (120 columns, double quotes, trailing commas)
// would lay them out, so that generated files need no formatting pass.

export const LINE_WIDTH = 120;

/** A string literal in double quotes, or single quotes when that avoids escaping (as Biome does). */
export function quote(text: string): string {
  if (text.includes('"') && !text.includes("'")) return `'${text.replace(/\\/g, "\\\\")}'`;
  return JSON.stringify(text);
}

/** A literal value: numbers and booleans as they are, strings quoted. */
export function literal(value: string | number | boolean): string {
  return typeof value === "string" ? quote(value) : String(value);
}

/** Code to lay out: text as it is, or an object or array literal that breaks across lines when too long. */
export type Code = string | { object: Entries } | { array: Code[] };
export type Entries = [key: string, code: Code][];

export const obj = (entries: Entries): Code => ({ object: entries });
export const arr = (items: Code[]): Code => ({ array: items });

/** The code on one line. */
function flat(code: Code): string {
  if (typeof code === "string") return code;
  if ("array" in code) return `[${code.array.map(flat).join(", ")}]`;
  return code.object.length === 0
    ? "{}"
    : `{ ${code.object.map(([key, value]) => `${key}: ${flat(value)}`).join(", ")} }`;
}

/**
 * `prefix code suffix` starting at `indent`: on one line when it fits in 120 columns, else the
 * outer literal one entry a line, each entry laid out the same way at the next indentation.
 */
export function layout(code: Code, indent: string, prefix = "", suffix = ""): string {
  const oneLine = `${prefix}${flat(code)}${suffix}`;
  if (typeof code === "string") return oneLine;
  if (!breaksAlways(code) && `${indent}${oneLine}`.length <= LINE_WIDTH && !oneLine.includes("\n")) return oneLine;
  const inner = `${indent}  `;
  if ("array" in code)
    return `${prefix}[\n${code.array.map((item) => `${inner}${layout(item, inner, "", ",")}`).join("\n")}\n${indent}]${suffix}`;
  return `${prefix}{\n${code.object.map(([key, value]) => `${inner}${layout(value, inner, `${key}: `, ",")}`).join("\n")}\n${indent}}${suffix}`;
}

/** Biome (as Prettier) always breaks an array of two or more objects (or arrays) of more than one entry each. */
function breaksAlways(code: Exclude<Code, string>): boolean {
  if (!("array" in code) || code.array.length < 2) return false;
  return code.array.every(
    (item) => typeof item !== "string" && ("array" in item ? item.array.length > 1 : item.object.length > 1),
  );
}

/** An object literal laid out at `indent` (see layout). */
export function objectLiteral(entries: Entries, indent: string, prefix = "", suffix = ""): string {
  return layout(obj(entries), indent, prefix, suffix);
}

/** An array literal laid out at `indent` (see layout). */
export function arrayLiteral(items: Code[], indent: string, prefix = "", suffix = ""): string {
  return layout(arr(items), indent, prefix, suffix);
}

/** `camelCase` of any name: `crm/contact.updated` -> `crmContactUpdated`. */
export function camelCaseOf(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** A kebab-case slug of any name: `app/invoice.approved` -> `app-invoice-approved`. */
export function slugOf(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join("-");
}
