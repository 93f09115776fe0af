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
  /** Functions to register with the serve handler: the export and the file that holds it. */
  functions: { exportName: string; file: string }[];
  dependencies?: DependencyName[];
  devDependencies?: DependencyName[];
  /** Lines for `.env.example`. */
  env?: { name: string; comment: string }[];
}
