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

export type Entries = [key: string, code: string][];

/** An object literal, on one line when `prefix{ ... }suffix` fits at `indent`, else one entry a line. */
export function objectLiteral(entries: Entries, indent: string, prefix = "", suffix = ""): string {
  const oneLine = `{ ${entries.map(([key, code]) => `${key}: ${code}`).join(", ")} }`;
  if (entries.length === 0) return `${prefix}{}${suffix}`;
  if (`${indent}${prefix}${oneLine}${suffix}`.length <= LINE_WIDTH && !oneLine.includes("\n"))
    return `${prefix}${oneLine}${suffix}`;
  const inner = `${indent}  `;
  return `${prefix}{\n${entries.map(([key, code]) => `${inner}${key}: ${code},`).join("\n")}\n${indent}}${suffix}`;
}

/** An array literal, on one line when it fits at `indent`, else one item a line. */
export function arrayLiteral(items: string[], indent: string, prefix = "", suffix = ""): string {
  const oneLine = `[${items.join(", ")}]`;
  if (`${indent}${prefix}${oneLine}${suffix}`.length <= LINE_WIDTH && !oneLine.includes("\n"))
    return `${prefix}${oneLine}${suffix}`;
  const inner = `${indent}  `;
  return `${prefix}[\n${items.map((item) => `${inner}${item},`).join("\n")}\n${indent}]${suffix}`;
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
