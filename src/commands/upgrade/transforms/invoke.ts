import { type AstNode, keyName, walk } from "../../../app/ast.js";
import type { Source } from "../../../app/detect/project.js";
import { inStyleOf } from "../../../app/edits/source-edits.js";
import { addSplice, type UpgradeDraft } from "../draft.js";
import { editInngestImport } from "../imports.js";
import { lineOf, propertyNamed } from "../splice.js";

/**
 * `step.invoke(id, { function: "<appId>-<fnId>" })`: v3 took the full id as a string, v4 a
 * `referenceFunction({ functionId })`. Only an id of this app's client can be split safely.
 */
export function referenceInvokedFunctions(source: Source, appId: string | undefined, draft: UpgradeDraft): void {
  const { code, file } = source;
  let referenced = false;
  walk(source.program, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return;
    if (keyName(node.callee.property) !== "invoke") return;
    const options = node.arguments[1] as AstNode | undefined;
    const target = options?.type === "ObjectExpression" ? propertyNamed(options, "function") : undefined;
    if (target?.value.type !== "StringLiteral") return;
    const fullId = target.value.value as string;
    if (appId === undefined || !fullId.startsWith(`${appId}-`)) {
      draft.manual.push({
        file,
        where: `line ${lineOf(code, target.start)}: v4 invokes another app's function through referenceFunction (import it from "inngest"); write its app and function ids apart`,
        lines: [`function: referenceFunction({ appId: "<app id>", functionId: "<function id>" }), // was "${fullId}"`],
      });
      return;
    }
    const functionId = JSON.stringify(fullId.slice(appId.length + 1));
    addSplice(draft, file, {
      start: target.value.start,
      end: target.value.end,
      text: inStyleOf(source, `referenceFunction({ functionId: ${functionId} })`),
    });
    referenced = true;
  });
  if (!referenced) return;
  const splice = editInngestImport(source, [], ["referenceFunction"]);
  if (splice) addSplice(draft, file, splice);
}
