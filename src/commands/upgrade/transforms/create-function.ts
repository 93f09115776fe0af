import { type AstNode, indentAt, keyName, walk } from "../../../app/ast.js";
import type { Source } from "../../../app/detect/project.js";
import { addSplice, type UpgradeDraft } from "../draft.js";
import { addProperty, lineOf, propertyNamed } from "../splice.js";

// v3: createFunction(config, trigger | trigger[], handler). v4: createFunction({ ...config, triggers }, handler).

/** Every `<client>.createFunction(config, trigger, handler)` of the file, rewritten in place. */
export function moveTriggers(source: Source, draft: UpgradeDraft): void {
  const { code, file } = source;
  walk(source.program, (node) => {
    if (node.type !== "CallExpression" || !isCreateFunction(node.callee)) return;
    const args = node.arguments as AstNode[];
    const line = lineOf(code, node.start);
    const [config, trigger, handler] = args;
    if (
      args.some((arg) => arg.type === "SpreadElement") ||
      args.length > 3 ||
      (args.length === 3 && hasTriggers(config!))
    ) {
      draft.manual.push({
        file,
        where: `line ${line}: this createFunction call cannot be read safely; in v4 it takes two arguments, the triggers inside the options`,
        lines: [`${calleeText(code, node)}({ ...options, triggers: [trigger] }, handler)`],
      });
      return;
    }
    if (args.length !== 3) return; // v4 already (or not a v3 call)
    const triggers = triggersText(code, trigger!);
    const fromIndent = indentAt(code, trigger!.start);
    if (config!.type === "ObjectExpression")
      addSplice(draft, file, addProperty(code, config!, `triggers: ${triggers}`, fromIndent));
    else
      addSplice(draft, file, {
        start: config!.start,
        end: config!.end,
        text: `{ ...${code.slice(config!.start, config!.end)}, triggers: ${triggers} }`,
      });
    addSplice(draft, file, { start: trigger!.start, end: handler!.start, text: "" });
    draft.moved.push({ id: functionId(config!) ?? code.slice(config!.start, config!.end), file, line });
  });
}

function isCreateFunction(callee: AstNode): boolean {
  return callee.type === "MemberExpression" && !callee.computed && keyName(callee.property) === "createFunction";
}

function hasTriggers(config: AstNode): boolean {
  return config.type === "ObjectExpression" && propertyNamed(config, "triggers") !== undefined;
}

/** The triggers as v4 takes them: an array literal as it is, one trigger (or a ternary of two) in one. */
function triggersText(code: string, trigger: AstNode): string {
  const text = code.slice(trigger.start, trigger.end);
  const isObject = (node: AstNode) => node.type === "ObjectExpression";
  if (isObject(trigger)) return `[${text}]`;
  if (trigger.type === "ConditionalExpression" && isObject(trigger.consequent) && isObject(trigger.alternate))
    return `[${text}]`;
  return text;
}

function functionId(config: AstNode): string | undefined {
  if (config.type !== "ObjectExpression") return undefined;
  const id = propertyNamed(config, "id")?.value;
  return id?.type === "StringLiteral" ? id.value : undefined;
}

function calleeText(code: string, call: AstNode): string {
  return code.slice(call.callee.start, call.callee.end);
}
