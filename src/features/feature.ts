import type { DependencyName } from "../versions.js";

export const featureGroups = ["Triggers", "Steps", "Errors", "Flow control", "AI", "Middleware"] as const;
export type FeatureGroup = (typeof featureGroups)[number];

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
  clientMiddleware?: { exportName: string; file: string }[];
  /** Functions to register with the serve handler: the export and the file that holds it. */
  functions: { exportName: string; file: string }[];
  dependencies?: DependencyName[];
  devDependencies?: DependencyName[];
  /** A paragraph for the generated README, such as a caveat; written once if features share it. */
  readmeNote?: string;
  /** Lines for `.env.example`. */
  env?: { name: string; comment: string }[];
}
