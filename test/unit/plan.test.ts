import path from "node:path";
import { describe, expect, it } from "vitest";
import { features, findFeature } from "../../src/features/index.js";
import { frameworks } from "../../src/frameworks/index.js";
import { addImportExtension } from "../../src/contributions/code-text.js";
import { restoreStoredName } from "../../src/contributions/layout.js";
import { planProject, withClientMiddleware, type Plan } from "../../src/commands/create/plan.js";
import { readFileSync } from "node:fs";
import { versions } from "../../src/support/versions.js";

function plan(frameworkId: string, featureIds = ["event-basic"]): Plan {
  const framework = frameworks.find((f) => f.id === frameworkId)!;
  return planProject({
    targetDir: path.resolve("/tmp/plan-test/my-app"),
    projectName: "my-app",
    framework,
    features: featureIds.map((id) => findFeature(id)!),
    packageManager: "pnpm",
  });
}

const file = (p: Plan, name: string) => p.files.find((f) => f.path === name)?.contents;
const relativeImports = (source: string) => [...source.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);

describe.each(frameworks.map((f) => f.id))("the plan of a %s app", (frameworkId) => {
  const framework = frameworks.find((f) => f.id === frameworkId)!;
  const p = plan(frameworkId);

  it("holds the shared files, the serve handler and the feature", () => {
    const paths = p.files.map((f) => f.path);
    for (const expected of [
      "package.json",
      "tsconfig.json",
      "README.md",
      ".gitignore",
      ".env.example",
      ".env.development",
      "vitest.config.ts",
      "src/inngest/client.ts",
      "src/inngest/testing.ts",
      "src/inngest/functions/index.ts",
      "src/inngest/functions/event-basic-hello-world.ts",
      "src/inngest/functions/event-basic-hello-world.test.ts",
      framework.serveHandlerPath,
    ]) {
      expect(paths).toContain(expected);
    }
    expect(paths.filter((name) => path.posix.basename(name).startsWith("_"))).toEqual([]);
    const handler = file(p, framework.serveHandlerPath)!;
    expect(handler).toMatch(/serve(Inngest)?\(\{ client: inngest, functions \}\)/);
    expect(`${framework.serveHandlerPath}\n${handler}`).toContain("api/inngest");
  });

  it("fills every placeholder", () => {
    for (const { path: name, contents } of p.files) {
      expect(contents.match(/__[A-Z_]+__/g), name).toBeNull();
    }
    expect(file(p, "src/inngest/client.ts")).toMatch(/new Inngest\(\{\s+id: "my-app"/);
    expect(file(p, "README.md")).toContain("pnpm dev");
  });

  it("writes relative imports the way the framework resolves them", () => {
    const imports = p.files
      .filter((f) => f.path.startsWith("src/inngest/"))
      .flatMap((f) => relativeImports(f.contents));
    expect(imports.length).toBeGreaterThan(0);
    for (const specifier of imports) {
      if (framework.relativeImportExtension === ".js") expect(specifier).toMatch(/\.js$/);
      else expect(specifier).not.toMatch(/\.js$/);
    }
  });

  it("pins every dependency to the tested version", () => {
    const manifest = JSON.parse(file(p, "package.json")!);
    expect(manifest.name).toBe("my-app");
    expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(["dev", "build", "typecheck", "test"]));
    // A server starts its build; a Worker is deployed instead.
    expect("start" in manifest.scripts || "deploy" in manifest.scripts).toBe(true);
    const all = { ...manifest.dependencies, ...manifest.devDependencies } as Record<string, string>;
    expect(Object.keys(all)).toEqual(expect.arrayContaining(["inngest", "@inngest/test", "vitest", "typescript"]));
    for (const [name, version] of Object.entries(all)) {
      expect(version).toBe(versions[name as keyof typeof versions]);
    }
  });

  it("registers the feature's functions in the functions index", () => {
    expect(file(p, "src/inngest/functions/index.ts")).toMatch(/export const functions = \[helloWorld\];/);
  });

  it("makes a typed empty functions list when no feature is chosen", () => {
    const empty = plan(frameworkId, []);
    expect(file(empty, "src/inngest/functions/index.ts")).toContain(
      "export const functions: InngestFunction.Any[] = [];",
    );
    expect(empty.files.some((f) => f.path.includes("hello-world"))).toBe(false);
  });
});

describe("the feature catalogue", () => {
  it("never writes the same file or registers the same export twice", () => {
    const files = features.flatMap((f) => f.files);
    const exports = features.flatMap((f) => f.functions.map((fn) => fn.exportName));
    expect(new Set(files).size).toBe(files.length);
    expect(new Set(exports).size).toBe(exports.length);
    expect(files).not.toContain("index.ts");
  });

  it("registers only functions from files the feature writes", () => {
    for (const feature of features) {
      for (const fn of feature.functions) expect(feature.files, feature.id).toContain(fn.file);
    }
  });
});

describe("the README of the app", () => {
  it("lists the chosen features and writes a shared note once", () => {
    const p = plan("hono", ["event-basic", "agent-network", "routing-agent"]);
    const readme = file(p, "README.md")!;
    expect(readme).toContain("## Features");
    expect(readme).toContain("- `event-basic` (Triggers):");
    expect(readme).toContain("- `routing-agent` (AI):");
    expect(readme.split("AgentKit's own `createServer`")).toHaveLength(2);
    expect(file(plan("hono", ["event-basic"]), "README.md")).not.toContain("createServer");
  });
});

describe("support files", () => {
  it("are written once to src/inngest however many features share them", () => {
    const sharing = features.filter((f) => f.supportFiles?.includes("testing-fake-models.ts")).map((f) => f.id);
    expect(sharing.length).toBeGreaterThan(1);
    const p = plan("express", sharing);
    expect(p.files.filter((f) => f.path.endsWith("testing-fake-models.ts")).map((f) => f.path)).toEqual([
      "src/inngest/testing-fake-models.ts",
    ]);
    expect(file(p, "src/inngest/testing-fake-models.ts")).toContain('from "./client.js"');
  });
});

describe("withClientMiddleware", () => {
  const client = readFileSync(new URL("../../starters/base/src/inngest/client.ts", import.meta.url), "utf8");

  it("imports each class and registers it on the starter's client, in order, as --add would", () => {
    const edited = withClientMiddleware(
      client,
      [
        { exportName: "LoggingMiddleware", file: "logging.ts" },
        { exportName: "TimingMiddleware", file: "timing.ts" },
      ],
      ".js",
    );
    expect(edited).toContain(
      'import { Inngest } from "inngest";\nimport { LoggingMiddleware } from "./middleware/logging.js";\nimport { TimingMiddleware } from "./middleware/timing.js";\n',
    );
    expect(edited).toContain('new Inngest({ id: "__APP_ID__", middleware: [LoggingMiddleware, TimingMiddleware] });');
    expect(
      edited
        .replace(/\n(import \{ \w+Middleware \} .*)/g, "")
        .replace(", middleware: [LoggingMiddleware, TimingMiddleware] }", " }"),
    ).toBe(client);
  });

  it("puts one property per line when the statement would pass 120 columns", () => {
    const many = ["A", "B", "C", "D", "E", "F", "G"].map((letter) => ({
      exportName: `${letter}LongNamedMiddleware`,
      file: `${letter}.ts`,
    }));
    const edited = withClientMiddleware(client, many, "");
    expect(edited).toContain(
      `export const inngest = new Inngest({\n  id: "__APP_ID__",\n  middleware: [${many.map((m) => m.exportName).join(", ")}],\n});\n`,
    );
  });
});

describe("the README's deployment notes", () => {
  it.each([
    ["next", "maxDuration = 300"],
    ["express", "PayloadTooLargeError"],
    ["hono", "bodyLimit"],
  ])("hold the %s notes, with the package manager's commands", (frameworkId, marker) => {
    const readme = file(plan(frameworkId), "README.md")!;
    expect(readme).toContain(marker);
    expect(readme).toContain("### A self-hosted Inngest");
    expect(readme).not.toContain("npm run start");
  });
});

describe("the Next.js client", () => {
  const starterFile = (name: string) => readFileSync(new URL(`../../starters/${name}`, import.meta.url), "utf8");
  const nextClient = starterFile("next/src/inngest/client.ts");

  it("is the shared client plus checkpointing below the route's maxDuration", () => {
    const checkpointing = /\n {2}\/\/[^\n]*\n {2}\/\/[^\n]*\n {2}checkpointing: \{ maxRuntime: "(\d+)s" \},\n/;
    const [, maxRuntime] = nextClient.match(checkpointing) ?? [];
    const [, maxDuration] = starterFile("next/src/app/api/inngest/route.ts").match(/maxDuration = (\d+);/) ?? [];
    expect(Number(maxRuntime)).toBeLessThan(Number(maxDuration));
    const withoutCheckpointing = nextClient
      .replace(checkpointing, "\n")
      .replace(/\{\n {2}(id: "[^"]*"),\n\}/, "{ $1 }");
    expect(withoutCheckpointing).toBe(starterFile("base/src/inngest/client.ts"));
  });

  it("takes client middleware beside its checkpointing", () => {
    const p = plan("next", ["logging-middleware"]);
    const client = file(p, "src/inngest/client.ts")!;
    // After the last property, where --add inserts it too.
    expect(client).toMatch(/new Inngest\(\{\n {2}id: "my-app",\n/);
    expect(client).toMatch(/checkpointing: \{ maxRuntime: "270s" \},\n {2}middleware: \[\w+\],\n\}\);/);
  });
});

describe("addImportExtension", () => {
  it("adds the extension to extensionless relative imports only", () => {
    const source = [
      'import { inngest } from "../client";',
      'import type { X } from "./types";',
      'export { a } from "./a";',
      'import "./side-effect";',
      'const lazy = await import("./lazy");',
      'import { serve } from "inngest/next";',
      'import data from "./data.json";',
      'import { done } from "./done.js";',
    ].join("\n");
    expect(addImportExtension(source, ".js")).toBe(
      [
        'import { inngest } from "../client.js";',
        'import type { X } from "./types.js";',
        'export { a } from "./a.js";',
        'import "./side-effect.js";',
        'const lazy = await import("./lazy.js");',
        'import { serve } from "inngest/next";',
        'import data from "./data.json";',
        'import { done } from "./done.js";',
      ].join("\n"),
    );
  });
});

describe("restoreStoredName", () => {
  it("turns stored names back into dot-files", () => {
    expect(restoreStoredName("_gitignore")).toBe(".gitignore");
    expect(restoreStoredName("_env.example")).toBe(".env.example");
    expect(restoreStoredName("index.ts")).toBe("index.ts");
  });
});

describe.each(frameworks.filter((f) => f.connectWorker).map((f) => f.id))(
  "the plan of a %s app with --connect",
  (id) => {
    const p = planProject({
      targetDir: path.resolve("/tmp/plan-test/my-app"),
      projectName: "my-app",
      framework: frameworks.find((f) => f.id === id)!,
      features: [findFeature("event-basic")!],
      packageManager: "pnpm",
      connect: true,
    });

    it("adds the worker, importing the same client and functions as the server", () => {
      const worker = file(p, "src/worker.ts")!;
      expect(worker).toContain('import { connect } from "inngest/connect";');
      expect(relativeImports(worker)).toEqual([
        "./inngest/client.js",
        "./inngest/functions/index.js",
        "./inngest/production.js",
      ]);
      for (const specifier of relativeImports(worker)) {
        const source = specifier.replace(/^\.\//, "src/").replace(/\.js$/, ".ts");
        expect(file(p, source), source).toBeDefined();
      }
    });

    it("adds its scripts, and its README section with the package manager's commands", () => {
      const { scripts } = JSON.parse(file(p, "package.json")!);
      expect(scripts.worker).toBe("tsx --env-file=.env.development src/worker.ts");
      expect(scripts["worker:start"]).toBe("node dist/worker.js");
      const readme = file(p, "README.md")!;
      expect(readme).toContain("## The connect worker");
      expect(readme).toContain("`pnpm worker`");
      expect(readme.indexOf("## The connect worker")).toBeLessThan(readme.indexOf("## Going to production"));
    });

    it("leaves the worker out without --connect", () => {
      expect(file(plan(id), "src/worker.ts")).toBeUndefined();
    });
  },
);
