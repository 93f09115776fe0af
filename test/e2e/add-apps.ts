import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, commitAll, runIn } from "../helpers/add.js";
import { startDevServer, type RunningApp } from "../helpers/app.js";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { copyFixture, FIXTURE_LOCKFILE } from "../helpers/fixtures.js";
import { installDependencies } from "../helpers/install-cache.js";
import { appEndpoint } from "../helpers/inngest.js";
import { changedFiles, snapshot, sourceOnly } from "../helpers/snapshot.js";
import { installTool, withToolOnPath } from "../helpers/tools.js";
import { versions } from "../../src/support/versions.js";

/** The create-next-app that the Next.js apps are made with, from the registry. */
const CREATE_NEXT_APP = "create-next-app@16.4.3";

interface Route {
  path: string;
  init?: RequestInit;
  /** Compare the status only (a dev build's HTML names its chunks differently each time). */
  statusOnly?: boolean;
}

export interface AddCase {
  name: string;
  /** Makes the app in `dir` (an empty directory) the way its author would. */
  make: (dir: string) => Promise<void>;
  add: string[];
  /** Function ids (without the app id) the sync lists before and after. */
  before: string[];
  after: string[];
  /** Files the add may create or change; every other file stays byte-identical. */
  planned: string[];
  /** The user's routes, answered the same before and after the add. */
  routes: Route[];
  /** The app's typecheck command. */
  typecheck: [string, string[]];
  /** The add runs with --install (else the test installs after checking the tree). */
  installByCli?: boolean;
  /** The app's package manager, a pinned client the test installs (npm when absent). */
  tool?: "pnpm" | "yarn" | "bun";
  /** Where the app is inside what `make` made, when that is a workspace (installed from its root). */
  packageDir?: string;
  /** More to check once the app is installed after the add: its files, node_modules, the add's output. */
  afterInstall?: (dir: string, addOutput: string) => void;
  /** The app's dev script when it is not `dev` (`start:dev`). */
  devScript?: string;
  /** More to check after the add: the app's files and what the add printed. */
  check?: (dir: string, output: string) => void;
}

/** The app's own dev script on a free port of 127.0.0.1, polled at `readyPath` until it answers. */
function startApp(
  dir: string,
  options: { pm: string; env: Record<string, string>; readyPath?: string; script?: string },
): Promise<RunningApp> {
  return startDevServer(dir, {
    script: options.script,
    timeoutMs: 180_000,
    packageManager: options.pm,
    env: options.env,
    readyPath: options.readyPath,
  });
}

/** A fixture app with its npm lockfile (an app of another manager has none: describeAdd removes it). */
const fixture = (name: string) => async (dir: string) => {
  copyFixture(name, dir, { lockfile: true });
};

const createNextApp = (srcDir: boolean) => async (dir: string) => {
  const flags = [
    "--ts",
    "--app",
    "--no-eslint",
    "--no-tailwind",
    "--no-react-compiler",
    "--use-npm",
    "--yes",
    "--disable-git",
    "--skip-install",
    "--no-agent-feedback",
    "--import-alias",
    "@/*",
  ];
  const result = await runIn(
    path.dirname(dir),
    "npx",
    ["-y", CREATE_NEXT_APP, path.basename(dir), ...flags, srcDir ? "--src-dir" : "--no-src-dir"],
    { NEXT_TELEMETRY_DISABLED: "1" },
  );
  if (result.exitCode !== 0) throw new Error(result.output);
};

const nextPlanned = (root: string) => [
  ".env.development",
  ".env.example",
  ".cursor/mcp.json",
  ".gemini/settings.json",
  ".mcp.json",
  ".vscode/mcp.json",
  "AGENTS.md",
  `${root}app/api/inngest/route.ts`,
  `${root}inngest/client.ts`,
  `${root}inngest/functions/index.ts`,
  `${root}inngest/testing.ts`,
  "package.json",
  "vitest.config.ts",
];
export const helloFiles = (root: string) => [
  `${root}inngest/events.ts`,
  `${root}inngest/functions/event-basic-hello-world.test.ts`,
  `${root}inngest/functions/event-basic-hello-world.ts`,
  `${root}inngest/functions/event-basic-try-it.json`,
];
/** What --add inngest plans in an app whose code is under `root`, mounted in `appFile`. */
export const nodePlanned = (appFile: string, root = "src/") => [
  ".env.development",
  ".env.example",
  ".cursor/mcp.json",
  ".gemini/settings.json",
  ".mcp.json",
  ".vscode/mcp.json",
  "AGENTS.md",
  "package.json",
  appFile,
  `${root}inngest/client.ts`,
  `${root}inngest/functions/index.ts`,
  `${root}inngest/testing.ts`,
  "vitest.config.ts",
];
export const cronFiles = (root: string) => [
  `${root}inngest/functions/cron-weekday-digest.test.ts`,
  `${root}inngest/functions/cron-weekday-digest.ts`,
];
const nextTypecheck: [string, string[]] = ["sh", ["-c", "npx next typegen && npx tsc --noEmit"]];
const tscTypecheck: [string, string[]] = ["npx", ["tsc", "--noEmit"]];

export const nextCases: AddCase[] = [
  {
    name: "create-next-app, App Router, no src/",
    make: createNextApp(false),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nextPlanned(""), ...helloFiles("")],
    routes: [{ path: "/", statusOnly: true }],
    typecheck: nextTypecheck,
  },
  {
    name: "create-next-app with --src-dir",
    make: createNextApp(true),
    add: ["event-basic", "cron"],
    before: [],
    after: ["hello-world", "weekday-digest"],
    planned: [...nextPlanned("src/"), ...helloFiles("src/"), ...cronFiles("src/")],
    routes: [{ path: "/", statusOnly: true }],
    typecheck: nextTypecheck,
  },
];

/** A create-next-app app whose proxy.ts answers 401 on every path its usual matcher catches. */
const nextAppWithProxy = async (dir: string) => {
  await createNextApp(false)(dir);
  writeFileSync(
    path.join(dir, "proxy.ts"),
    [
      'import { NextResponse } from "next/server";',
      "",
      "export function proxy() {",
      '  return new NextResponse("Sign in first", { status: 401 });',
      "}",
      "",
      "export const config = {",
      '  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],',
      "};",
      "",
    ].join("\n"),
  );
};

/**
 * A create-next-app --src-dir app whose src/middleware.ts (the name before Next.js 16's proxy.ts, still
 * run) answers 401 on every path its matcher catches, /api/inngest among them.
 */
const nextSrcAppWithMiddleware = async (dir: string) => {
  await createNextApp(true)(dir);
  writeFileSync(
    path.join(dir, "src/middleware.ts"),
    [
      'import { NextResponse, type NextRequest } from "next/server";',
      "",
      "export function middleware(request: NextRequest) {",
      '  if (request.headers.get("authorization") === "Bearer dev") return NextResponse.next();',
      '  return NextResponse.json({ error: "unauthorized" }, { status: 401 });',
      "}",
      "",
      "export const config = {",
      '  matcher: ["/((?!_next/static|_next/image|favicon.ico|sitemap.xml|robots.txt).*)"],',
      "};",
      "",
    ].join("\n"),
  );
};

/** A create-next-app app turned into a Pages Router one: pages/ instead of app/. */
const nextPagesApp = async (dir: string) => {
  await createNextApp(false)(dir);
  rmSync(path.join(dir, "app"), { recursive: true });
  mkdirSync(path.join(dir, "pages"));
  writeFileSync(
    path.join(dir, "pages/index.tsx"),
    "export default function Home() {\n  return <main>Pages Router home</main>;\n}\n",
  );
};

export const nextRouterCases: AddCase[] = [
  {
    name: "create-next-app with a proxy.ts whose matcher catches /api/inngest",
    make: nextAppWithProxy,
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nextPlanned(""), ...helloFiles(""), "proxy.ts"],
    // The favicon is outside the matcher (the app is ready when it answers 200); "/" answers 401.
    routes: [{ path: "/favicon.ico", statusOnly: true }, { path: "/" }],
    typecheck: nextTypecheck,
  },
  {
    name: "a src/middleware.ts whose matcher catches /api/inngest, in a create-next-app --src-dir app",
    make: nextSrcAppWithMiddleware,
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nextPlanned("src/"), ...helloFiles("src/"), "src/middleware.ts"],
    // The favicon is outside the matcher (the app is ready when it answers 200); "/" answers 401
    // without the header the middleware asks for, and the page with it.
    routes: [
      { path: "/favicon.ico", statusOnly: true },
      { path: "/" },
      { path: "/", init: { headers: { authorization: "Bearer dev" } }, statusOnly: true },
    ],
    typecheck: nextTypecheck,
  },
  {
    name: "a Pages Router Next.js app",
    make: nextPagesApp,
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [
      ...nextPlanned("").filter((file) => file !== "app/api/inngest/route.ts"),
      "pages/api/inngest.ts",
      ...helloFiles(""),
    ],
    routes: [{ path: "/", statusOnly: true }],
    typecheck: nextTypecheck,
  },
];

export const nodeCases: AddCase[] = [
  {
    name: "a tutorial-style Express 5 app (routes, middleware, listen in one file)",
    make: fixture("express-tutorial"),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nodePlanned("src/index.ts"), ...helloFiles("src/")],
    routes: [
      { path: "/" },
      { path: "/todos" },
      {
        path: "/todos",
        init: { method: "POST", headers: { "content-type": "application/json" }, body: '{"title":"ship it"}' },
      },
    ],
    typecheck: tscTypecheck,
  },
  {
    name: "an Express app created in one module and listened on in another",
    make: fixture("express-split"),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nodePlanned("src/app.ts"), ...helloFiles("src/")],
    routes: [{ path: "/health" }, { path: "/users/7" }, { path: "/users/7", init: { method: "POST", body: "{}" } }],
    typecheck: tscTypecheck,
  },
  {
    name: "a hand-written Express app with a compact package.json and its entry in src/server.ts",
    make: fixture("express-compact"),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nodePlanned("src/server.ts"), ...helloFiles("src/")],
    routes: [
      { path: "/notes" },
      { path: "/notes", init: { method: "POST", headers: { "content-type": "text/plain" }, body: "buy milk" } },
    ],
    typecheck: tscTypecheck,
  },
  {
    name: "an Express 4 app laid out as Inngest's framework-express example (CommonJS, functions flat in inngest/)",
    make: fixture("express4-flat"),
    add: ["cron"],
    // Its functions are in the app already, but it has no dev mode before the add to sync them in.
    before: [],
    after: ["greet", "weekday-digest"],
    planned: [
      ".cursor/mcp.json",
      ".env.development",
      ".env.example",
      ".gemini/settings.json",
      ".mcp.json",
      ".vscode/mcp.json",
      "AGENTS.md",
      "inngest/cron-weekday-digest.test.ts",
      "inngest/cron-weekday-digest.ts",
      "inngest/index.ts",
      "inngest/testing.ts",
      "package.json",
      "vitest.config.ts",
    ],
    routes: [{ path: "/status" }],
    typecheck: tscTypecheck,
  },
  {
    name: "an Express app whose tsconfig extends a shared base (NodeNext imports inherited)",
    make: async (dir) => {
      await fixture("express-split")(dir);
      mkdirSync(path.join(dir, "config"));
      writeFileSync(
        path.join(dir, "config/tsconfig.base.json"),
        `${JSON.stringify(
          {
            compilerOptions: {
              target: "ES2022",
              module: "NodeNext",
              moduleResolution: "NodeNext",
              strict: true,
              skipLibCheck: true,
              noEmit: true,
              types: ["node"],
            },
          },
          null,
          2,
        )}\n`,
      );
      writeFileSync(
        path.join(dir, "tsconfig.json"),
        '{\n  // the team\'s shared settings\n  "extends": "./config/tsconfig.base.json",\n  "include": ["src"]\n}\n',
      );
    },
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nodePlanned("src/app.ts"), ...helloFiles("src/")],
    routes: [{ path: "/health" }],
    typecheck: tscTypecheck,
  },
  {
    name: "a Hono app laid out as Hono's Node.js template",
    make: fixture("hono-node"),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nodePlanned("src/index.ts"), ...helloFiles("src/")],
    routes: [{ path: "/" }, { path: "/nope" }],
    typecheck: tscTypecheck,
  },
  {
    name: "a Hono app made by create-inngest-app with event-basic, then cron and invoke added",
    make: async (dir) => {
      const result = await runCli(
        [path.basename(dir), "--framework", "hono", "--features", "event-basic", "--no-install", "--no-git"],
        {
          cwd: path.dirname(dir),
        },
      );
      if (result.exitCode !== 0) throw new Error(result.output);
    },
    add: ["cron", "invoke"],
    before: ["hello-world"],
    after: ["hello-world", "weekday-digest", "check-fraud", "quote-shipping", "check-out-order"],
    planned: [
      // It has every dependency already (zod came with event-basic's typed event): package.json stays.
      "src/inngest/events.ts",
      "src/inngest/functions/index.ts",
      ...cronFiles("src/"),
      "src/inngest/functions/invoke-checkout.test.ts",
      "src/inngest/functions/invoke-checkout.ts",
      "src/inngest/functions/invoke-try-it.json",
    ],
    routes: [{ path: "/" }],
    typecheck: ["npm", ["run", "typecheck"]],
  },
];

/** Hono on Cloudflare Workers, laid out as create-hono's cloudflare-workers and cloudflare-workers+vite templates. */
export const workerCases: AddCase[] = [
  {
    name: "a Hono app laid out as create-hono's cloudflare-workers template",
    make: fixture("hono-workers"),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    // wrangler.jsonc: the template leaves nodejs_compat commented out, and the SDK needs it.
    planned: [...nodePlanned("src/index.ts"), ...helloFiles("src/"), "wrangler.jsonc"],
    routes: [{ path: "/" }, { path: "/nope" }],
    typecheck: tscTypecheck,
  },
  {
    name: "an older Workers app: create-hono's layout with compatibility_date 2024-06-01",
    make: async (dir) => {
      copyFixture("hono-workers", dir);
      const config = path.join(dir, "wrangler.jsonc");
      writeFileSync(config, readFileSync(config, "utf8").replace(/"\d{4}-\d{2}-\d{2}"/, '"2024-06-01"'));
    },
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    // wrangler.jsonc: nodejs_compat, and enable_weak_ref that the date does not turn on yet.
    planned: [...nodePlanned("src/index.ts"), ...helloFiles("src/"), "wrangler.jsonc"],
    routes: [{ path: "/" }],
    typecheck: tscTypecheck,
  },
  {
    name: "a Workers app with its own .dev.vars, which wrangler dev --env-file would hide",
    make: async (dir) => {
      copyFixture("hono-workers", dir);
      writeFileSync(path.join(dir, ".dev.vars"), 'GREETING="from .dev.vars"\n');
      writeFileSync(
        path.join(dir, "src/index.ts"),
        [
          "import { Hono } from 'hono'",
          "",
          "const app = new Hono<{ Bindings: { GREETING?: string } }>()",
          "",
          "app.get('/greeting', (c) => c.text(c.env.GREETING ?? 'no greeting'))",
          "",
          "export default app",
          "",
        ].join("\n"),
      );
    },
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    // Dev mode goes in .dev.vars and the dev script stays `wrangler dev`: /greeting answers as before.
    planned: [
      ...nodePlanned("src/index.ts").filter((file) => file !== ".env.development"),
      ".dev.vars",
      ...helloFiles("src/"),
      "wrangler.jsonc",
    ],
    routes: [{ path: "/greeting" }],
    typecheck: tscTypecheck,
  },
  {
    name: "a Vite-built Hono Worker (create-hono's cloudflare-workers+vite: @cloudflare/vite-plugin, no typescript)",
    make: fixture("hono-workers-vite"),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    // The plugin has no --env-file: dev mode goes in .dev.vars, which it reads; the dev script stays `vite`.
    planned: [
      ...nodePlanned("src/index.tsx").filter((file) => file !== ".env.development"),
      ".dev.vars",
      ...helloFiles("src/"),
      "wrangler.jsonc",
    ],
    routes: [{ path: "/" }, { path: "/health" }, { path: "/nope" }],
    // The app compiles with Vite and has no typescript of its own: the pinned compiler checks it.
    typecheck: ["npx", ["-y", "-p", `typescript@${versions.typescript}`, "tsc", "--noEmit"]],
  },
];

/** Apps of the other package managers, installed with the pinned clients; the CLI installs with theirs. */
export const packageManagerCases: AddCase[] = [
  {
    name: "an Express package of a pnpm workspace (installed from the workspace root)",
    make: async (root) => {
      copyFixture("express-split", path.join(root, "apps/api"));
      writeFileSync(path.join(root, "package.json"), '{ "name": "monorepo", "private": true }\n');
      writeFileSync(
        path.join(root, "pnpm-workspace.yaml"),
        // Its owner told pnpm 11+ not to fail on unapproved build scripts (tsx's esbuild) already.
        'packages:\n  - "apps/*"\nstrictDepBuilds: false\n',
      );
    },
    packageDir: "apps/api",
    tool: "pnpm",
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    // No lockfile in the package: the one at the workspace root (outside the package) is updated.
    planned: [...nodePlanned("src/app.ts"), ...helloFiles("src/")],
    routes: [{ path: "/health" }],
    typecheck: tscTypecheck,
    installByCli: true,
  },
  {
    name: "a Hono app installed with yarn 1",
    make: fixture("hono-node"),
    tool: "yarn",
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nodePlanned("src/index.ts"), ...helloFiles("src/"), ".yarnrc", "yarn.lock"],
    routes: [{ path: "/" }],
    typecheck: tscTypecheck,
    installByCli: true,
  },
  {
    name: "an Express app installed with bun",
    make: fixture("express-tutorial"),
    tool: "bun",
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nodePlanned("src/index.ts"), ...helloFiles("src/"), "bun.lock"],
    routes: [{ path: "/" }, { path: "/todos" }],
    typecheck: tscTypecheck,
    installByCli: true,
  },
];

/**
 * The whole life of an add on an app this project did not write (or wrote earlier): the app is
 * made and installed, its routes are recorded, the built CLI adds to it, then the tree, the
 * typecheck, the tests, the dev server's in-band sync and the same routes are checked.
 */
export function describeAdd(cases: AddCase[]): void {
  describe.each(cases)("--add on $name", (testCase) => {
    let temp: Awaited<ReturnType<typeof makeTempDir>>;
    let dir: string;
    let appId: string;
    const answersBefore: { status: number; body: string }[] = [];
    let syncBefore: string[] = [];
    let snapshotBefore: Record<string, string>;
    let addOutput: string;
    let root: string;
    const pm = testCase.tool ?? "npm";
    let pmEnv: Record<string, string> = {};

    beforeAll(async () => {
      if (testCase.tool) pmEnv = { PATH: withToolOnPath(await installTool(testCase.tool)).PATH! };
      temp = await makeTempDir("cia-add-");
      root = path.join(temp.dir, "user-app");
      dir = testCase.packageDir ? path.join(root, testCase.packageDir) : root;
      await testCase.make(root);
      if (testCase.tool) rmSync(path.join(root, FIXTURE_LOCKFILE), { force: true });
      appId = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).name;
      // The app's first install: `npm ci` where it has a lockfile.
      const install = await installDependencies(root, pm, pmEnv, { frozen: true });
      expect(install.exitCode, install.output).toBe(0);

      // The app as its user knows it: its routes' answers (and its functions, if it has Inngest).
      const app = await startApp(dir, {
        pm,
        env: pmEnv,
        readyPath: testCase.routes[0]!.path,
        script: testCase.devScript,
      });
      try {
        for (const route of testCase.routes) answersBefore.push(await answer(`${app.url}${route.path}`, route.init));
        if (testCase.before.length > 0) {
          const { body } = await appEndpoint(app.url, appId).syncInBand();
          syncBefore = body.functions.map((fn) => fn.id).sort();
        }
      } finally {
        await app.stop();
      }
      await commitAll(dir);
      snapshotBefore = snapshot(dir, sourceOnly);

      const result = await runCli(
        ["--add", testCase.add.join(","), ...(testCase.installByCli ? [] : ["--no-install"])],
        {
          cwd: dir,
          // CI set as on a build machine, where pnpm and yarn 2+ freeze the lockfile --add must update.
          env: { npm_config_prefer_offline: "true", CI: "true", ...pmEnv },
        },
      );
      addOutput = result.output;
      expect(result.exitCode, result.output).toBe(0);
    }, 900_000);

    afterAll(async () => {
      await temp?.remove();
    });

    it("changes only the planned files; every other file is byte-identical", () => {
      expect(changedFiles(snapshotBefore, snapshot(dir, sourceOnly))).toEqual([...testCase.planned].sort());
    });

    if (testCase.check) {
      const check = testCase.check;
      it("says and writes what this app's shape needs", () => check(dir, addOutput));
    }

    it("changes nothing when run a second time", async () => {
      const before = snapshot(dir, sourceOnly);
      const again = await runCli(["--add", testCase.add.join(","), "--no-install", "--yes"], {
        cwd: dir,
        env: pmEnv,
      });
      expect(again.exitCode, again.output).toBe(0);
      expect(again.output).toContain("Nothing to change");
      expect(snapshot(dir, sourceOnly)).toEqual(before);
    });

    it("installs, type-checks and passes the app's tests", async () => {
      if (testCase.installByCli) expect(addOutput).toContain(`Installed dependencies with ${pm}`);
      else {
        const install = await installDependencies(root, pm, pmEnv);
        expect(install.exitCode, install.output).toBe(0);
      }
      const typecheck = await runIn(dir, ...testCase.typecheck, pmEnv);
      expect(typecheck.exitCode, typecheck.output).toBe(0);
      const tests = await runIn(dir, pm, ["run", "test"], pmEnv);
      expect(tests.exitCode, tests.output).toBe(0);
      expect(tests.output).toMatch(/Tests\s+\d+ passed/);
      testCase.afterInstall?.(dir, addOutput);
    }, 600_000);

    describe("in dev mode", () => {
      let app: RunningApp;
      beforeAll(async () => {
        // The app's own dev script, with no extra env: --add made it load .env.development.
        app = await startApp(dir, { pm, env: pmEnv, script: testCase.devScript });
      }, 240_000);
      afterAll(async () => {
        await app?.stop();
      });

      it("syncs the old and the new functions in band", async () => {
        const endpoint = appEndpoint(app.url, appId);
        const { status, body } = await endpoint.inspect();
        expect(status).toBe(200);
        expect(body).toMatchObject({ mode: "dev", function_count: testCase.after.length });
        const sync = await endpoint.syncInBand();
        expect(sync.status).toBe(200);
        const ids = sync.body.functions.map((fn) => fn.id).sort();
        expect(ids).toEqual(testCase.after.map((id) => `${sync.body.app_id}-${id}`).sort());
        expect(sync.body.app_id).toBe(appId);
        for (const id of syncBefore) expect(ids).toContain(id);
      });

      it("answers the user's own routes as before", async () => {
        for (const [i, route] of testCase.routes.entries()) {
          const now = await answer(`${app.url}${route.path}`, route.init);
          if (route.statusOnly) expect(now.status, route.path).toBe(answersBefore[i]!.status);
          else expect(now, route.path).toEqual(answersBefore[i]);
        }
      });
    });
  });
}
