import { type AstNode, keyName, walk } from "../../../app/ast.js";
import type { Source } from "../../../app/detect/project.js";
import type { UpgradeDraft } from "../draft.js";
import { lineOf, propertyNamed } from "../splice.js";

/** v4 events have no `user`: a send that sets one is left as it is, with where its data goes. */
export function reportEventUser(source: Source, draft: UpgradeDraft): void {
  const { code, file } = source;
  walk(source.program, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return;
    const method = keyName(node.callee.property);
    const payload = method === "send" ? node.arguments[0] : method === "sendEvent" ? node.arguments[1] : undefined;
    const payloads = payload?.type === "ArrayExpression" ? (payload.elements as AstNode[]) : payload ? [payload] : [];
    for (const element of payloads) {
      const user = element?.type === "ObjectExpression" ? propertyNamed(element, "user") : undefined;
      if (!user) continue;
      draft.manual.push({
        file,
        where: `line ${lineOf(code, user.start)}: v4 events have no user field; move what it holds into data and delete it`,
        lines: [`data: { ...data, user: ${code.slice(user.value.start, user.value.end)} },`],
      });
    }
  });
}
