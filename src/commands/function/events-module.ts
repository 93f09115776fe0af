import type { EventDeclaration } from "../../contributions/features.js";
import { CliError } from "../../support/errors.js";
import { eventExportName, renderEventDeclaration } from "./render.js";
import type { DataField, FieldType } from "./spec.js";

// The app's events module (src/inngest/events.ts), one `export const <camelCaseName> =
// eventType("<name>", { schema: z.object({...}) });` per event: finding an event there, reading
// its fields back, and the declaration of a new one. Kept apart so that it can be shared with the
// catalogue's own events-module code later.

export const EVENT_IMPORTS = ['import { eventType } from "inngest";', 'import { z } from "zod";'];

export interface DeclaredEvent {
  exportName: string;
  /** The declaration's text, from `export const` to its closing `);`. */
  text: string;
  /** Its fields, when every one is a shape the generator writes (string, number, boolean, enum). */
  fields?: DataField[];
}

export function findDeclaredEvent(code: string, eventName: string): DeclaredEvent | undefined {
  const escaped = eventName.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const match = new RegExp(`export const (\\w+) = eventType\\(\\s*["'\`]${escaped}["'\`]`).exec(code);
  if (!match) return undefined;
  const open = match.index + match[0].indexOf("(");
  const close = closingParen(code, open);
  if (close === -1) return undefined;
  const text = code.slice(match.index, close + 1) + (code[close + 1] === ";" ? ";" : "");
  return { exportName: match[1]!, text, fields: readFields(text) };
}

/** The declaration to append for a new event with `fields`. */
export function newEventDeclaration(eventName: string, fields: DataField[]): EventDeclaration {
  return { name: eventExportName(eventName), text: renderEventDeclaration(eventName, fields), imports: EVENT_IMPORTS };
}

/** Refuses `--data` that differs from the fields an existing declaration gives the same event. */
export function checkSameFields(eventName: string, declared: DeclaredEvent, fields: DataField[], file: string): void {
  const normalise = (text: string) => text.replace(/\s+/g, "").replace(/,([}\])])/g, "$1");
  const wanted = renderEventDeclaration(eventName, fields).replace(
    /^export const \w+/,
    `export const ${declared.exportName}`,
  );
  if (normalise(declared.text) !== normalise(wanted)) {
    throw new CliError(
      `--data: ${eventName} is already declared in ${file} (${declared.exportName}) with other fields; pass the same fields, or leave out --data to reuse it.`,
      "conflicting-event",
    );
  }
}

function closingParen(code: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < code.length; i++) {
    const char = code[i]!;
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === "`") quote = char;
    else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return i;
  }
  return -1;
}

function readFields(text: string): DataField[] | undefined {
  const open = text.indexOf("z.object(");
  const close = open === -1 ? -1 : closingParen(text, open + "z.object".length);
  if (close === -1) return undefined;
  const body = text
    .slice(open + "z.object(".length, close)
    .trim()
    .replace(/^\{|\}$/g, "");
  const fields: DataField[] = [];
  for (const entry of body
    .split(/,(?![^[]*\])/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^(\w+):\s*z\.(string|number|boolean|enum)\(([^)]*)\)(\.optional\(\))?$/.exec(entry);
    if (!match) return undefined;
    const [, name, kind, args, optional] = match;
    let type: FieldType;
    if (kind === "enum") {
      const values = [...args!.matchAll(/["']([^"']*)["']/g)].map((value) => value[1]!);
      if (values.length === 0) return undefined;
      type = { kind: "enum", values };
    } else type = { kind: kind as "string" | "number" | "boolean" };
    fields.push({ name: name!, type, optional: optional !== undefined });
  }
  return fields;
}
