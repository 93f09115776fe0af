import type { DependencyName } from "../support/versions.js";

export const featureGroups = ["Triggers", "Steps", "Errors", "Flow control", "AI", "Middleware"] as const;
export type FeatureGroup = (typeof featureGroups)[number];

/** An export of a module: a function, a middleware class or an event, and the file that holds it. */
export interface ExportRef {
  exportName: string;
  file: string;
}

/** One environment variable a feature reads, for `.env.example`: the comment goes above it. */
export interface EnvVar {
  name: string;
  comment: string;
}

/**
 * Everything a feature contributes, declared once. Create assembles it into a new project; `--add`
 * splices the same contributions into an existing one.
 */
export interface Feature {
  id: string;
  label: string;
  group: FeatureGroup;
  description: string;
  /** Files under `starters/features/<id>/`, written to `src/inngest/functions/`. */
  files: string[];
  /**
   * Modules several features share (the AI models, test support) under `starters/support/`,
   * written to `src/inngest/` once however many features need them.
   */
  supportFiles?: string[];
  /** Middleware modules under `starters/features/<id>/`, written to `src/inngest/middleware/`. */
  middlewareFiles?: string[];
  /** Middleware classes that the app's client registers: the export and its middleware file. */
  clientMiddleware?: ExportRef[];
  /** Functions to register with the serve handler: the export and the file that holds it. */
  functions: ExportRef[];
  /**
   * Typed events the functions import from `src/inngest/events.ts`: names of declarations in
   * `starters/events.ts`. The app's one events module holds each once, whichever features need it.
   */
  events?: string[];
  dependencies?: DependencyName[];
  devDependencies?: DependencyName[];
  /** A paragraph for the generated README, such as a caveat; written once if features share it. */
  readmeNote?: string;
  /** Lines for `.env.example`. */
  env?: EnvVar[];
}
