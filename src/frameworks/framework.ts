import type { DependencyName } from "../support/versions.js";

/** What relative imports end with: "" for bundlers (Next.js), ".js" under NodeNext resolution. */
export type ImportExtension = "" | ".js";

/**
 * Everything a framework contributes, declared once: its starter, its dependencies, how it is found
 * in an existing app, and where and how the serve handler is mounted. Create and `--add` read it.
 */
export interface Framework {
  id: string;
  label: string;
  /** Directory under `starters/` copied over the shared `starters/base`; a file there overrides base's. */
  starter: string;
  /** The port a new app's dev script listens on. */
  devPort: number;
  /** Where a new app's serve handler for `/api/inngest` lives. */
  serveHandlerPath: string;
  /**
   * Extension that relative imports in a new app need. With ".js", an existing app gets it only when
   * its tsconfig resolves NodeNext or Node16; with "", never (its bundler resolves without).
   */
  relativeImportExtension: ImportExtension;
  /** The framework's own packages; `inngestDependencies` (src/features/contributions.ts) come on top. */
  dependencies: DependencyName[];
  devDependencies: DependencyName[];
  colour: (text: string) => string;
  /**
   * An existing app is this framework's when it depends on all these packages; of several frameworks
   * that match, the one that names the most wins (a Workers app depends on hono and wrangler).
   */
  detectDependencies: string[];
  /** Where `serve` comes from. */
  serveModule: "inngest/next" | "inngest/express" | "inngest/hono";
  mount: RouteFileMount | AppCallMount;
  /** `--connect` can add a `connect()` worker, `src/worker.ts`: a long-running Node.js app. */
  connectWorker?: boolean;
  /**
   * Its dev server loads `.env.development` by itself (`next dev`). Else `--add` edits the app's
   * `dev` script to load it (src/add/dev-script.ts).
   */
  loadsEnvFiles?: boolean;
  /**
   * A Cloudflare Worker, run by wrangler (or Vite's Cloudflare plugin): `--add` turns on the
   * compatibility flags the SDK needs in its wrangler config, and puts dev mode in the vars file
   * (`.dev.vars`, `.env`) the Worker reads when its dev script does not pass one.
   */
  cloudflareWorker?: boolean;
}

/** A route file of its own (Next.js App Router): `<router dir>/api/inngest/route.ts`. */
export interface RouteFileMount {
  kind: "route-file";
  /** Router directories to look for in an existing app, first found wins. */
  routerDirs: string[];
  /** The route file, given the import lines of the client and of the functions list. */
  routeFile: (clientImport: string, functionsImport: string) => string;
  /** An app without a router directory but with one of these (Pages Router) gets `pagesRouteFile`. */
  pagesDirs?: string[];
  /** `<pages dir>/api/inngest.ts`, given the same import lines. */
  pagesRouteFile?: (clientImport: string, functionsImport: string) => string;
}

/** A statement after the app is created, in the file that creates it (Express, Hono). */
export interface AppCallMount {
  kind: "app-call";
  /** The app is made by calling this import (default import of express) or `new` on it (Hono). */
  create: {
    source: string;
    imported: "default" | string;
    isNew: boolean;
    example: string;
    /** Other packages' subclasses of the app, made the same way (`new OpenAPIHono()` of @hono/zod-openapi). */
    subclasses?: { source: string; imported: string }[];
  };
  /**
   * How JSON bodies reach the handler: `parser` names the method of the created import that parses
   * them (`express.json`), which the mount needs when the app has none of its own. Omitted: built in.
   */
  jsonBodyParser?: string;
  /** The framework version that brought `jsonBodyParser`: an app on an older one is refused. */
  jsonBodyParserSince?: string;
  /** The statements (one a line) that mount the handler on `app`, given the local names of `serve` and the parser import. */
  mountLine: (app: string, serve: string, jsonParser: string | undefined) => string;
  /**
   * A mount that answers every method (`app.use`) gets this handler on its path first: only GET,
   * PUT and POST reach the Inngest handler (CVE-2026-42047), the others answer 405.
   */
  methodGuard?: string;
}
