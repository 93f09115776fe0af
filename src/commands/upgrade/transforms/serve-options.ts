import { type AstNode, importsOf, keyName, walk } from "../../../app/ast.js";
import type { Source } from "../../../app/detect/project.js";
import { addSplice, type UpgradeDraft } from "../draft.js";
import { addProperty, lineOf, propertyNamed, removeProperties } from "../splice.js";

/** serve() options that v4 reads from the client instead. */
const MOVED_TO_CLIENT = ["signingKey", "signingKeyFallback", "baseUrl", "fetch"];
const RENAMED: Record<string, string> = { serveHost: "serveOrigin" };
const REMOVED = ["logLevel"];

/** The app's client: the `new Inngest({...})` its serve handler is given. */
export interface ClientSource {
  source: Source;
  options: AstNode | undefined;
}

/** Each serve() of an `inngest/*` adapter in the file: its options as v4 has them. */
export function upgradeServeOptions(source: Source, client: ClientSource | undefined, draft: UpgradeDraft): void {
  const serveNames = importsOf(source.program)
    .filter((binding) => binding.source.startsWith("inngest/") && binding.imported === "serve")
    .map((binding) => binding.local);
  if (serveNames.length === 0) return;
  const { code, file } = source;
  walk(source.program, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || !serveNames.includes(node.callee.name))
      return;
    const options = node.arguments[0] as AstNode | undefined;
    if (options?.type !== "ObjectExpression") return;
    const removed: AstNode[] = [];
    for (const property of options.properties as AstNode[]) {
      const name = property.type === "ObjectProperty" && !property.computed ? keyName(property.key) : undefined;
      if (name === undefined) continue;
      const line = lineOf(code, property.start);
      if (name in RENAMED) {
        const value = code.slice(property.value.start, property.value.end);
        const text = property.shorthand ? `${RENAMED[name]}: ${value}` : RENAMED[name]!;
        addSplice(
          draft,
          file,
          property.shorthand
            ? { start: property.start, end: property.end, text }
            : { start: property.key.start, end: property.key.end, text },
        );
      } else if (REMOVED.includes(name)) {
        removed.push(property);
        draft.notes.push(
          `${file}:${line}: serve()'s ${name} was removed (v4 has no such option): the client's logger decides what is logged.`,
        );
      } else if (MOVED_TO_CLIENT.includes(name)) {
        if (moveToClient(source, property, name, client, draft)) removed.push(property);
      }
    }
    for (const splice of removeProperties(code, options, removed)) addSplice(draft, file, splice);
  });
}

/** Adds the option to the client's; false when it must stay where it is (a manual step). */
function moveToClient(
  source: Source,
  property: AstNode,
  name: string,
  client: ClientSource | undefined,
  draft: UpgradeDraft,
): boolean {
  const { code, file } = source;
  const value = code.slice(property.value.start, property.value.end);
  const line = lineOf(code, property.start);
  const clientOptions = client?.options;
  if (!client || clientOptions?.type !== "ObjectExpression" || !portable(property.value) || property.shorthand) {
    draft.manual.push({
      file,
      where: `line ${line}: serve()'s ${name} belongs to the client in v4; move it into new Inngest({ ... })${client ? ` in ${client.source.file}` : ""} and delete it here`,
      lines: [`${name}: ${value},`],
    });
    return false;
  }
  if (propertyNamed(clientOptions, name))
    draft.notes.push(`${file}:${line}: serve()'s ${name} was removed; the client sets its own ${name}, which v4 uses.`);
  else addSplice(draft, client.source.file, addProperty(client.source.code, clientOptions, `${name}: ${value}`));
  return true;
}

/** A value that means the same in the client's module: literals and `process.env` reads. */
function portable(value: AstNode): boolean {
  switch (value.type) {
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
      return true;
    case "TemplateLiteral":
      return (value.expressions as AstNode[]).every(portable);
    case "LogicalExpression":
      return portable(value.left) && portable(value.right);
    case "TSNonNullExpression":
    case "TSAsExpression":
      return portable(value.expression);
    case "MemberExpression":
      return (
        value.object.type === "MemberExpression" &&
        value.object.object.type === "Identifier" &&
        value.object.object.name === "process" &&
        keyName(value.object.property) === "env"
      );
    default:
      return false;
  }
}

/** The client constructed in `source` (`new Inngest(...)` of the "inngest" import), with its options. */
export function clientIn(source: Source): ClientSource | undefined {
  const inngestClass = importsOf(source.program).find(
    (binding) => binding.source === "inngest" && binding.imported === "Inngest",
  )?.local;
  if (!inngestClass) return undefined;
  let found: ClientSource | undefined;
  walk(source.program, (node) => {
    if (
      !found &&
      node.type === "NewExpression" &&
      node.callee.type === "Identifier" &&
      node.callee.name === inngestClass
    )
      found = { source, options: node.arguments[0] };
  });
  return found;
}
