import { type AstNode, enclosingStatement, importsOf, indentAt, walk } from "../../../app/ast.js";
import type { Source } from "../../../app/detect/project.js";
import { inStyleOf } from "../../../app/edits/source-edits.js";
import type { Framework } from "../../../frameworks/index.js";
import { addSplice, type UpgradeDraft } from "../draft.js";

/**
 * `app.use("/api/inngest", serve(...))` answers every method: the framework's method guard goes
 * on the same path just before it, so that only GET, PUT and POST reach the handler.
 */
export function guardMountMethods(source: Source, framework: Framework, draft: UpgradeDraft): void {
  const { mount } = framework;
  if (mount.kind !== "app-call" || !mount.methodGuard) return;
  const serveNames = importsOf(source.program)
    .filter((binding) => binding.source === framework.serveModule && binding.imported === "serve")
    .map((binding) => binding.local);
  if (serveNames.length === 0) return;
  const { code, file } = source;
  walk(source.program, (node, ancestors) => {
    if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return;
    if (node.callee.property.name !== "use" || node.callee.computed) return;
    const [routePath, ...handlers] = node.arguments as AstNode[];
    const serves = (handler: AstNode) =>
      handler.type === "CallExpression" &&
      handler.callee.type === "Identifier" &&
      serveNames.includes(handler.callee.name);
    if (routePath?.type !== "StringLiteral" || !handlers.some(serves)) return;
    const app = code.slice(node.callee.object.start, node.callee.object.end);
    const pathText = code.slice(routePath.start, routePath.end);
    const guard = inStyleOf(source, `${app}.use(__PATH__, ${mount.methodGuard});`).replace("__PATH__", () => pathText);
    if (code.includes(guard.replace(/;$/, ""))) return;
    const statement = enclosingStatement(ancestors, node);
    if (!statement) return;
    addSplice(draft, file, {
      start: statement.start,
      end: statement.start,
      text: `${guard}\n${indentAt(code, statement.start)}`,
    });
    draft.notes.push(
      `${file}: ${app}.use(${pathText}, serve(...)) now answers only GET, PUT and POST; other methods get 405 before the Inngest handler.`,
    );
  });
}
