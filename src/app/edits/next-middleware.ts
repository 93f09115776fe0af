import { walk, type AstNode } from "../ast.js";
import { applyEdits, type Editor } from "../plan/change-set.js";
import { readSource, type Project } from "../detect/project.js";

// A Next.js middleware (`middleware.ts`, or `proxy.ts` since Next.js 16) that runs on /api/inngest
// answers the Dev Server's requests itself (an auth redirect, a 401) and blocks the sync.

const MIDDLEWARE_FILES = ["middleware.ts", "src/middleware.ts", "proxy.ts", "src/proxy.ts"];
const ROUTE = "/api/inngest";

/**
 * Keeps the app's middleware off /api/inngest: a matcher of the usual `/((?!api|_next/...).*)` form
 * gets `api/inngest` in its exclusions; any other that catches the route is reported, with how.
 */
export function keepMiddlewareOffRoute(project: Project, editor: Editor): void {
  for (const file of MIDDLEWARE_FILES) {
    if (!project.sources.includes(file)) continue;
    const source = readSource(project, file);
    const matchers = matcherStrings(source.program);
    if (matchers === undefined) {
      editor.plan.notes.push(
        `${file} has no matcher, so it runs on ${ROUTE} too, where it can block the Dev Server's requests: add ${`export const config = { matcher: ["/((?!api/inngest).*)"] };`} (or return early for that path).`,
      );
      continue;
    }
    const catching = matchers.filter((matcher) => matcherRegExp(matcher.value)?.test(ROUTE) ?? false);
    const edits = catching
      .filter((matcher) => matcher.value.startsWith("/((?!"))
      .map((matcher) => ({ at: matcher.node.start + 1 + "/((?!".length, text: "api/inngest|" }));
    if (edits.length > 0 && edits.length === catching.length) {
      editor.put(file, applyEdits(source.code, edits));
      continue;
    }
    if (catching.length > 0) {
      editor.plan.notes.push(
        `${file} runs on ${ROUTE} (its matcher ${catching.map((m) => JSON.stringify(m.value)).join(", ")}), where it can block the Dev Server's requests: exclude the route from the matcher, or return NextResponse.next() first when request.nextUrl.pathname starts with "${ROUTE}".`,
      );
    }
  }
}

/** The string literals of `export const config = { matcher }`; undefined when there is no matcher. */
function matcherStrings(program: AstNode): { value: string; node: AstNode }[] | undefined {
  let matcher: AstNode | undefined;
  walk(program, (node) => {
    if (matcher || node.type !== "VariableDeclarator" || node.id.type !== "Identifier" || node.id.name !== "config")
      return;
    if (node.init?.type !== "ObjectExpression") return;
    matcher = (node.init.properties as AstNode[]).find(
      (property) => property.type === "ObjectProperty" && (property.key.name ?? property.key.value) === "matcher",
    )?.value;
  });
  if (!matcher) return undefined;
  const found: { value: string; node: AstNode }[] = [];
  walk(matcher, (node, ancestors) => {
    if (node.type !== "StringLiteral") return;
    const owner = ancestors[ancestors.length - 1];
    // `{ source: "...", has: [...] }` objects: only `source` is a path pattern.
    if (owner?.type === "ObjectProperty" && (owner.key.name ?? owner.key.value) !== "source") return;
    found.push({ value: node.value, node });
  });
  return found;
}

/**
 * A Next.js matcher (path-to-regexp) as a RegExp: `(...)` groups are regular expressions already,
 * `/:name*`, `/:name+`, `/:name?` are repeated or optional segments, `:name` one segment.
 */
export function matcherRegExp(matcher: string): RegExp | undefined {
  let pattern = "";
  for (let i = 0; i < matcher.length; ) {
    const param = /^(\/?):\w+(\([^)]*\))?([*+?]?)/.exec(matcher.slice(i));
    if (param) {
      const segment = param[2] ?? "[^/]+";
      const slash = param[1] ? "/" : "";
      pattern += param[3] ? `(?:${slash}${segment})${param[3]}` : `${slash}${segment}`;
      i += param[0].length;
    } else if (matcher[i] === "(") {
      let depth = 0;
      let end = i;
      for (; end < matcher.length; end++) {
        if (matcher[end] === "\\") end++;
        else if (matcher[end] === "(") depth++;
        else if (matcher[end] === ")" && --depth === 0) break;
      }
      pattern += matcher.slice(i, end + 1);
      i = end + 1;
    } else {
      pattern += matcher[i]!.replace(/[.*+?^${}|[\]\\]/g, "\\$&");
      i++;
    }
  }
  try {
    return new RegExp(`^${pattern}/?$`);
  } catch {
    return undefined;
  }
}
