import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../../src/app/ast.js";
import { detectProject } from "../../src/app/detect/project.js";
import { matcherRegExp } from "../../src/app/edits/next-middleware.js";
import { planAdd } from "../../src/commands/add/plan.js";

describe("matcherRegExp", () => {
  it.each([
    ["/((?!api|_next/static|_next/image|favicon.ico).*)", "/api/inngest", false],
    ["/((?!_next/static|_next/image|favicon.ico).*)", "/api/inngest", true],
    ["/api/:path*", "/api/inngest", true],
    ["/api/:path*", "/api", true],
    ["/dashboard/:path*", "/api/inngest", false],
    ["/api/:slug", "/api/inngest", true],
    ["/api/:slug", "/api/inngest/x", false],
    ["/(api|trpc)(.*)", "/api/inngest", true],
  ])("%s on %s: %s", (matcher, pathname, matches) => {
    expect(matcherRegExp(matcher)!.test(pathname)).toBe(matches);
  });
});

describe("--add on a Next.js app", () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), "cia-next-"));
  beforeAll(loadParser);
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  const nextApp = (name: string, files: Record<string, string>) => {
    const dir = path.join(temp, name);
    const all = {
      "package.json": JSON.stringify({ name, dependencies: { next: "16.0.0" }, devDependencies: { typescript: "5" } }),
      "tsconfig.json": '{ "compilerOptions": { "moduleResolution": "bundler", "paths": { "@/*": ["./*"] } } }',
      ...files,
    };
    for (const [file, text] of Object.entries(all)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };

  it("adds api/inngest to the exclusions of a middleware matcher that catches it, moving nothing else", () => {
    const middleware = [
      'import { NextResponse } from "next/server";',
      "export function middleware() { return NextResponse.redirect(new URL('/login', 'http://x')); }",
      "export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };",
      "",
    ].join("\n");
    const dir = nextApp("with-middleware", {
      "app/page.tsx": "export default function Page() { return null; }\n",
      "middleware.ts": middleware,
    });
    const plan = planAdd(detectProject(dir), []);
    const change = plan.changes.find((c) => c.path === "middleware.ts")!;
    expect(change.after).toBe(middleware.replace("(?!_next/static", "(?!api/inngest|_next/static"));
    expect(matcherRegExp("/((?!api/inngest|_next/static|_next/image|favicon.ico).*)")!.test("/api/inngest")).toBe(
      false,
    );
  });

  it("says how to keep a proxy.ts without a matcher off the route", () => {
    const dir = nextApp("with-proxy", {
      "src/app/page.tsx": "export default function Page() { return null; }\n",
      "src/proxy.ts": "export function proxy() {}\n",
    });
    const plan = planAdd(detectProject(dir), []);
    expect(plan.changes.map((c) => c.path)).not.toContain("src/proxy.ts");
    expect(plan.notes.join("\n")).toContain("src/proxy.ts has no matcher, so it runs on /api/inngest");
  });

  it("serves Inngest from pages/api/inngest.ts in a Pages Router app", () => {
    const dir = nextApp("pages-router", { "pages/index.tsx": "export default function Home() { return null; }\n" });
    const project = detectProject(dir);
    expect(project.frameworkLabel).toBe("Next.js (Pages Router)");
    const plan = planAdd(project, []);
    const route = plan.changes.find((c) => c.path === "pages/api/inngest.ts")!.after;
    expect(route).toContain('import { inngest } from "@/inngest/client";');
    expect(route).toContain("export default serve({ client: inngest, functions });");
    expect(plan.changes.map((c) => c.path)).toContain("inngest/client.ts");
  });
});
