import { importsOf, walk } from "../../../app/ast.js";
import type { Source } from "../../../app/detect/project.js";
import type { UpgradeDraft } from "../draft.js";
import { lineOf, propertyNamed } from "../splice.js";

/**
 * v3's `new InngestMiddleware({ name, init })` is gone: v4 middleware is a class extending
 * `Middleware.BaseMiddleware`, registered as the class. Each one is left as it is, with the class
 * that replaces it written out as a manual step.
 */
export function reportMiddleware(source: Source, draft: UpgradeDraft): void {
  const local = importsOf(source.program).find(
    (binding) => binding.source === "inngest" && binding.imported === "InngestMiddleware",
  )?.local;
  if (!local) return;
  walk(source.program, (node) => {
    if (node.type !== "NewExpression" || node.callee.type !== "Identifier" || node.callee.name !== local) return;
    const options = node.arguments[0];
    const nameProperty = options?.type === "ObjectExpression" ? propertyNamed(options, "name") : undefined;
    const name = nameProperty?.value?.type === "StringLiteral" ? nameProperty.value.value : "my-middleware";
    draft.manual.push({
      file: source.file,
      where: `line ${lineOf(source.code, node.start)}: InngestMiddleware is gone in v4; write it as a class (import { Middleware } from "inngest") and register the class itself in middleware: [...]`,
      lines: [
        "class MyMiddleware extends Middleware.BaseMiddleware {",
        `  readonly id = ${JSON.stringify(name)};`,
        "  // transformInput's ctx: not async, so the handler keeps the types",
        "  transformFunctionInput(arg) { return { ...arg, ctx: { ...arg.ctx /* , what transformInput returned */ } }; }",
        "  // beforeExecution / afterExecution: around next()",
        "  async wrapFunctionHandler({ next }) { const result = await next(); return result; }",
        "  // onSendEvent's transformInput / beforeSend",
        "  transformSendEvent(arg) { return arg; }",
        "}",
      ],
    });
  });
}
