import type { DependencyName } from "../versions.js";

export interface Framework {
  id: string;
  label: string;
  /** Directory under `starters/` copied over the shared `starters/base`. */
  starter: string;
  /** Where the serve handler for `/api/inngest` lives. */
  serveHandlerPath: string;
  /**
   * Extension that relative imports in shared files need: "" for bundlers (Next.js),
   * ".js" under NodeNext resolution.
   */
  relativeImportExtension: "" | ".js";
  dependencies: DependencyName[];
  devDependencies: DependencyName[];
  colour: (text: string) => string;
  /** How `--add` finds this framework in an existing app and mounts the serve handler there. */
  add: AddSupport;
}

export interface AddSupport {
  /** The app depends on this package. */
  dependency: string;
  /** Where `serve` comes from. */
  serveModule: "inngest/next" | "inngest/express" | "inngest/hono";
  /**
   * `route-file`: a Next.js route under the App Router directory. `app-call`: an edit in the file
   * that creates the app (`const app = express()` or `new Hono()`), found by parsing it.
   */
  mount:
    | { kind: "route-file" }
    | {
        kind: "app-call";
        /** The app is made by calling this import (default import of express) or `new` on it (Hono). */
        create: { source: string; imported: "default" | string; isNew: boolean };
        /** The statement that mounts the handler on `app`, given the local name of `serve`. */
        mountLine: (app: string, serve: string, jsonParser: string | undefined) => string;
      };
  /** Where the framework reads env vars in dev mode, for the summary. */
  devModeNote?: string;
}
