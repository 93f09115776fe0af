import path from "node:path";
import { type AstNode, enclosingStatement, importsOf, keyName, topLevelNames, walk } from "../../../app/ast.js";
import type { Project, Source } from "../../../app/detect/project.js";
import { inStyleOf } from "../../../app/edits/source-edits.js";
import { addSplice, type UpgradeDraft } from "../draft.js";
import { editInngestImport } from "../imports.js";
import { lineOf, propertyNamed, removeProperties } from "../splice.js";
import type { ClientSource } from "./serve-options.js";

// v3: new Inngest({ schemas: new EventSchemas().fromRecord<Events>().fromZod({...}) }).
// v4: one `export const x = eventType("name", { schema })` per event, beside the client, used by name.

/** An event the v3 schemas declared, and the constant v4 declares it as. */
export interface DeclaredEvent {
  name: string;
  constName: string;
  /** The `schema` option's text, when the event has data. */
  schema?: string;
}

/**
 * Replaces the client's `schemas` by one eventType declaration per event, placed before the
 * client; returns the events declared (none when the chain holds a shape it cannot read).
 */
export function declareEventTypes(client: ClientSource, draft: UpgradeDraft): DeclaredEvent[] {
  const { source, options } = client;
  if (options?.type !== "ObjectExpression") return [];
  const schemas = propertyNamed(options, "schemas");
  if (!schemas) return [];
  const { code, file } = source;
  const events = readChain(source, schemas.value);
  if (!events) {
    draft.manual.push({
      file,
      where: `line ${lineOf(code, schemas.start)}: EventSchemas is gone in v4; declare each event with eventType() beside the client, use it in triggers and sends, and delete schemas`,
      lines: [
        'export const orderPlaced = eventType("shop/order.placed", { schema: staticSchema<{ orderId: string }>() });',
      ],
    });
    return [];
  }
  const taken = topLevelNames(source.program);
  for (const event of events) {
    if (taken.has(event.constName)) event.constName = `${event.constName}Event`;
    taken.add(event.constName);
  }
  for (const splice of removeProperties(code, options, [schemas])) addSplice(draft, file, splice);
  let statement: AstNode | undefined;
  walk(source.program, (node, ancestors) => {
    if (node === options) statement = enclosingStatement(ancestors, node);
  });
  const at = statement?.start ?? 0;
  const declarations = events.map((event) =>
    inStyleOf(
      source,
      `export const ${event.constName} = eventType("${event.name}"${event.schema ? `, { schema: ${event.schema} }` : ""});`,
    ),
  );
  addSplice(draft, file, { start: at, end: at, text: `${declarations.join("\n")}\n\n` });
  const needed = [
    "eventType",
    ...(events.some((event) => event.schema?.startsWith("staticSchema<")) ? ["staticSchema"] : []),
  ];
  const splice = editInngestImport(source, ["EventSchemas"], needed);
  if (splice) addSplice(draft, file, splice);
  return events;
}

/** The events of `new EventSchemas().fromRecord<T>().fromZod({...})`, or undefined for any other shape. */
function readChain(source: Source, value: AstNode): DeclaredEvent[] | undefined {
  const events: DeclaredEvent[] = [];
  let node = value;
  while (node.type === "CallExpression" && node.callee.type === "MemberExpression") {
    const method = keyName(node.callee.property);
    const found =
      method === "fromRecord" ? fromRecord(source, node) : method === "fromZod" ? fromZod(source, node) : undefined;
    if (!found) return undefined;
    events.unshift(...found);
    node = node.callee.object;
  }
  if (node.type !== "NewExpression" || node.callee.type !== "Identifier" || node.callee.name !== "EventSchemas")
    return undefined;
  return events;
}

/** `fromRecord<Events>()` with `Events` a type literal or interface of this file keyed by event name. */
function fromRecord(source: Source, call: AstNode): DeclaredEvent[] | undefined {
  const typeArgument = (call.typeParameters ?? call.typeArguments)?.params?.[0] as AstNode | undefined;
  if (typeArgument?.type !== "TSTypeReference" || typeArgument.typeName.type !== "Identifier") return undefined;
  const typeName = typeArgument.typeName.name as string;
  const members = typeMembers(source.program, typeName);
  if (!members) return undefined;
  const events: DeclaredEvent[] = [];
  for (const member of members) {
    if (member.type !== "TSPropertySignature" || member.key.type !== "StringLiteral") return undefined;
    const type = member.typeAnnotation?.typeAnnotation as AstNode | undefined;
    // A type literal or a local type says whether there is data; anything else is taken to have it.
    const shape =
      type?.type === "TSTypeLiteral"
        ? (type.members as AstNode[])
        : type?.type === "TSTypeReference" && type.typeName.type === "Identifier"
          ? typeMembers(source.program, type.typeName.name)
          : undefined;
    const hasData =
      shape === undefined ||
      shape.some((inner) => inner.type === "TSPropertySignature" && keyName(inner.key) === "data");
    const name = member.key.value as string;
    events.push({
      name,
      constName: constNameOf(name),
      schema: hasData ? `staticSchema<${typeName}["${name}"]["data"]>()` : undefined,
    });
  }
  return events;
}

function typeMembers(program: AstNode, name: string): AstNode[] | undefined {
  for (let statement of program.body as AstNode[]) {
    if (statement.type === "ExportNamedDeclaration" && statement.declaration) statement = statement.declaration;
    if (statement.id?.name !== name) continue;
    if (statement.type === "TSTypeAliasDeclaration" && statement.typeAnnotation.type === "TSTypeLiteral")
      return statement.typeAnnotation.members;
    if (statement.type === "TSInterfaceDeclaration") return statement.body.body;
  }
  return undefined;
}

/** `fromZod({ "name": { data: z.object(...) } })`: the zod schema each event's data had. */
function fromZod(source: Source, call: AstNode): DeclaredEvent[] | undefined {
  const [record] = call.arguments as AstNode[];
  if (record?.type !== "ObjectExpression") return undefined;
  const events: DeclaredEvent[] = [];
  for (const property of record.properties as AstNode[]) {
    const name = property.type === "ObjectProperty" && !property.computed ? keyName(property.key) : undefined;
    if (name === undefined || property.value.type !== "ObjectExpression") return undefined;
    const data = propertyNamed(property.value, "data");
    if (property.value.properties.length !== (data ? 1 : 0)) return undefined;
    events.push({
      name,
      constName: constNameOf(name),
      schema: data ? source.code.slice(data.value.start, data.value.end) : undefined,
    });
  }
  return events;
}

/** `shop/order.placed` -> `shopOrderPlaced`; an `app/` prefix is left out (`app/user.signup` -> `userSignup`). */
export function constNameOf(eventName: string): string {
  let words = eventName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words[0] === "app" && words.length > 1) words = words.slice(1);
  const joined = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/**
 * In a file that uses the client: `event: "<name>"` in createFunction and waitForEvent options
 * becomes the event's constant, and `send({ name, data })` sends `<event>.create(data)`; the
 * constants used are imported where the file imports the client.
 */
export function useEventTypes(
  project: Pick<Project, "alias">,
  source: Source,
  client: { file: string; exportName: string },
  events: readonly DeclaredEvent[],
  draft: UpgradeDraft,
): void {
  if (events.length === 0) return;
  const { code, file } = source;
  const byName = new Map(events.map((event) => [event.name, event]));
  const clientImport = file === client.file ? undefined : importOfClient(project, source, client);
  if (file !== client.file && !clientImport) return;
  const used = new Set<string>();
  walk(source.program, (node, ancestors) => {
    if (node.type === "ObjectProperty" && keyName(node.key) === "event" && node.value.type === "StringLiteral") {
      const event = byName.get(node.value.value);
      const call = [...ancestors].reverse().find((ancestor) => ancestor.type === "CallExpression");
      const method = call?.callee.type === "MemberExpression" ? keyName(call.callee.property) : undefined;
      if (!event || (method !== "createFunction" && method !== "waitForEvent")) return;
      addSplice(draft, file, { start: node.value.start, end: node.value.end, text: event.constName });
      used.add(event.constName);
    }
    if (node.type === "CallExpression" && node.callee.type === "MemberExpression") {
      const method = keyName(node.callee.property);
      const payload = method === "send" ? node.arguments[0] : method === "sendEvent" ? node.arguments[1] : undefined;
      const payloads = payload?.type === "ArrayExpression" ? (payload.elements as AstNode[]) : payload ? [payload] : [];
      for (const element of payloads) {
        if (element?.type !== "ObjectExpression") continue;
        const name = propertyNamed(element, "name")?.value;
        const data = propertyNamed(element, "data");
        const event = name?.type === "StringLiteral" ? byName.get(name.value) : undefined;
        if (!event || element.properties.length !== (data ? 2 : 1)) continue;
        const args = data ? code.slice(data.value.start, data.value.end) : "";
        addSplice(draft, file, { start: element.start, end: element.end, text: `${event.constName}.create(${args})` });
        used.add(event.constName);
      }
    }
  });
  if (clientImport && used.size > 0) {
    const last = clientImport.specifiers[clientImport.specifiers.length - 1] as AstNode;
    addSplice(draft, file, { start: last.end, end: last.end, text: [...used].map((name) => `, ${name}`).join("") });
  }
}

/** The `import { inngest } from "<client module>"` of a file, resolved relatively or through `@/`. */
function importOfClient(
  project: Pick<Project, "alias">,
  source: Source,
  client: { file: string; exportName: string },
): AstNode | undefined {
  const withoutExtension = (file: string) =>
    file.replace(/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/, "").replace(/\/index$/, "");
  const target = withoutExtension(client.file);
  if (!importsOf(source.program).some((binding) => binding.imported === client.exportName)) return undefined;
  return (source.program.body as AstNode[]).find((statement) => {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") return false;
    const specifier = statement.source.value as string;
    const resolved = specifier.startsWith(".")
      ? path.posix.normalize(path.posix.join(path.posix.dirname(source.file), specifier))
      : project.alias && specifier.startsWith(project.alias.prefix)
        ? path.posix.join(project.alias.base, specifier.slice(project.alias.prefix.length))
        : undefined;
    return (
      resolved !== undefined &&
      withoutExtension(resolved) === target &&
      (statement.specifiers as AstNode[]).some(
        (binding) => binding.type === "ImportSpecifier" && keyName(binding.imported) === client.exportName,
      )
    );
  });
}
