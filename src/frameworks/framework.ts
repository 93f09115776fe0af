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
}
