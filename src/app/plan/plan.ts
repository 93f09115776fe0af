import path from "node:path";
import { addImportExtension, importLine, relativeSpecifier } from "../../contributions/code-text.js";
import { envExampleWith, featureDependencies } from "../../contributions/features.js";
import type { Feature } from "../../features/index.js";
import {
  baseFile,
  CLIENT_FILE,
  fillPlaceholders,
  FUNCTIONS_DIR,
  INNGEST_DIR,
  TESTING_FILE,
} from "../../contributions/layout.js";
import { toAppId } from "../../support/names.js";
import { packageManagerFiles } from "../../support/package-manager.js";
import { type DependencyName, versions } from "../../support/versions.js";
import { type AddPlan, changeSet, type Editor, type FileChange } from "./change-set.js";
import { readCodeStyle } from "./formatting.js";
import { type ExistingInngest, findInngest, type Project } from "../detect/project.js";
import { reconcileDependencies } from "./dependencies.js";
import { devRunOf } from "../detect/dev-run.js";
import { starterFileFor } from "./starter-text.js";
import { addDevEnvToScript } from "../edits/dev-script.js";
import { editManifest } from "../edits/manifest.js";
import { keepMiddlewareOffRoute } from "../edits/next-middleware.js";
import { addCompatibilityFlags } from "../edits/wrangler-config.js";
import { addVitestSettings, testScripts } from "./test-setup.js";
import { addAgentFiles } from "./agents.js";
import { addDevMode, noteDevServerUrl } from "./dev-mode.js";

export type { AddPlan, FileChange, ManualStep } from "./change-set.js";
export { editManifest } from "../edits/manifest.js";

/** Where the app's Inngest code is, or goes: beside its client, else where a new app's would. */
export interface InngestLayout {
  inngestDir: string;
  clientFile: string;
  clientExport: string;
  /** Where functions go: `<inngestDir>/functions`, or the Inngest folder itself in a flat layout. */
  functionsDir: string;
  flat: boolean;
}

/** A plan being made: the app, what it already has of Inngest, where things go, and the change set. */
export interface PlanDraft {
  project: Project;
  existing: ExistingInngest;
  layout: InngestLayout;
  editor: Editor;
  changes: Map<string, FileChange>;
  /** Package names the planned code imports, by section: the manifest gets those the app lacks. */
  wanted: { dependencies: Set<string>; devDependencies: Set<string> };
  appId: string;
}

/** Opens a plan over the app's files as they are on disk; every later read sees what was planned. */
export function openPlan(project: Project): PlanDraft {
  const existing = findInngest(project);
  const { editor, changes } = changeSet(
    project.files.read,
    project.importExtension,
    readCodeStyle(project.files.read, project.manifest),
  );
  return {
    project,
    existing,
    layout: inngestLayout(project, existing, editor.read),
    editor,
    changes,
    // The test helpers (inngest/testing.ts) import Node's modules.
    wanted: { dependencies: new Set(), devDependencies: new Set(["@types/node"]) },
    appId: toAppId(String(project.manifest.name ?? path.basename(project.dir))),
  };
}

function inngestLayout(
  project: Project,
  existing: ExistingInngest,
  read: (file: string) => string | null,
): InngestLayout {
  const clientDir = existing.client ? path.posix.dirname(existing.client.file) : undefined;
  const inngestDir =
    clientDir && path.posix.basename(clientDir) === "inngest"
      ? clientDir
      : project.srcDir
        ? INNGEST_DIR
        : path.posix.basename(INNGEST_DIR);
  const clientFile = existing.client?.file ?? `${inngestDir}/${CLIENT_FILE}`;
  // An app that keeps its functions flat beside the client (as Inngest's example apps do) gets its
  // new ones there too.
  const flat =
    existing.client !== undefined &&
    !project.sources.some((file) => file.startsWith(`${inngestDir}/${FUNCTIONS_DIR}/`)) &&
    project.sources.some(
      (file) =>
        path.posix.dirname(file) === inngestDir &&
        file !== clientFile &&
        (read(file) ?? "").includes("createFunction("),
    );
  return {
    inngestDir,
    clientFile,
    clientExport: existing.client?.exportName ?? "inngest",
    functionsDir: flat ? inngestDir : `${inngestDir}/${FUNCTIONS_DIR}`,
    flat,
  };
}

/** A starter file as it goes in this app: its client import pointed at the app's client. */
export function inThisApp(draft: PlanDraft, contents: string, fromDir: string): string {
  const { clientExport, clientFile } = draft.layout;
  const text = contents.replace(/import \{ inngest \} from "(\.\.?\/client)";/g, () =>
    importLine(
      [clientExport === "inngest" ? "inngest" : `${clientExport} as inngest`],
      relativeSpecifier(fromDir, clientFile, ""),
    ),
  );
  return addImportExtension(text, draft.project.importExtension);
}

/**
 * What every Inngest app has, as the features to add need it: the client, the test helpers, vitest,
 * dev mode, and `.env.example` with the variables the features read.
 */
export function addInngestBase(draft: PlanDraft, features: readonly Feature[]): void {
  const { project, editor, layout } = draft;
  const { framework } = project;
  const { read, put } = editor;
  const { inngestDir, clientFile } = layout;
  /** A starter file whose comments name the env file dev mode is in, as this app has it. */
  const starterFile = (file: string) => starterFileFor(project, { clientFile, devEnvFile: project.devEnv.file }, file);
  if (!draft.existing.client)
    put(
      clientFile,
      inThisApp(
        draft,
        fillPlaceholders(starterFile(`${INNGEST_DIR}/${CLIENT_FILE}`), { __APP_ID__: draft.appId }),
        inngestDir,
      ),
    );
  if (read(`${inngestDir}/${TESTING_FILE}`) === null)
    put(
      `${inngestDir}/${TESTING_FILE}`,
      withNodeTypes(project, inThisApp(draft, starterFile(`${INNGEST_DIR}/${TESTING_FILE}`), inngestDir)),
    );
  addVitestSettings(project, editor, baseFile(framework, "vitest.config.ts"), inngestDir);
  addDevMode(editor, project.devEnv.file, baseFile(framework, ".env.development"));
  put(".env.example", envExampleWith(read(".env.example") ?? starterFile(".env.example"), features));
  const needed = featureDependencies(features);
  for (const name of needed.dependencies) draft.wanted.dependencies.add(name);
  for (const name of needed.devDependencies) draft.wanted.devDependencies.add(name);
}

/**
 * Closes the plan: the framework's own settings, the manifest (dependencies the planned code needs,
 * scripts), the Dev Server's address, AGENTS.md and the MCP files; the changes sorted by path.
 */
export function closePlan(draft: PlanDraft, options: { agents: boolean }): AddPlan {
  const { project, editor, changes, layout } = draft;
  const { framework } = project;
  if (framework.mount.kind === "route-file") keepMiddlewareOffRoute(project, editor);
  if (framework.cloudflareWorker) addCompatibilityFlags(editor, { vitePlugin: project.vitePlugin });
  addYarn1Settings(project, editor);
  addToManifest(project, editor, layout.inngestDir, draft.wanted);
  const dev = devRunOf(project, editor.read("package.json") ?? project.manifestText, editor.read);
  noteDevServerUrl(editor, dev);
  editor.plan.dev = { command: dev.command, devServer: dev.devServer };
  if (options.agents) {
    const serveHandler =
      draft.existing.serve?.source.file ??
      [...changes.values()].find((change) => new RegExp(`["']${framework.serveModule}["']`).test(change.after))?.path;
    addAgentFiles(project, editor, dev, { ...layout, serveHandler, appId: draft.appId });
  }
  editor.plan.inngestDir = layout.inngestDir;
  editor.plan.changes = [...changes.values()].sort((a, b) => a.path.localeCompare(b.path));
  return editor.plan;
}

/**
 * Yarn 1 fails an install on a nested dependency's `engines` range that npm, pnpm and yarn 2+ only
 * warn about (one of inngest's asks for a newer Node than 20): a Yarn 1 app gets the `.yarnrc`
 * setting a new app of this scaffolder has.
 */
function addYarn1Settings(project: Project, editor: Editor): void {
  if (project.packageManager !== "yarn") return;
  const lockfile = editor.read(path.relative(project.dir, path.join(project.installDir, "yarn.lock")));
  if (!lockfile?.includes("yarn lockfile v1")) return;
  const yarnrcPath = path.relative(project.dir, path.join(project.installDir, ".yarnrc")).split(path.sep).join("/");
  const yarnrc = editor.read(yarnrcPath);
  if (yarnrc !== null && /^\s*ignore-engines\b/m.test(yarnrc)) return;
  const setting = packageManagerFiles("yarn").find((file) => file.path === ".yarnrc")!.contents;
  editor.put(
    yarnrcPath,
    yarnrc === null ? setting : `${yarnrc}${yarnrc.endsWith("\n") || yarnrc === "" ? "" : "\n"}${setting}`,
  );
}

/**
 * The test helpers serve functions with `node:http` under vitest, so they need Node's types; an app
 * whose tsconfig lists its runtime's types only (a Worker's) sees them through this reference.
 */
function withNodeTypes(project: Project, testing: string): string {
  if (project.types === undefined || project.types.includes("node")) return testing;
  return `/// <reference types="node" />\n${testing}`;
}

/** The dependencies the app lacks, a `test` script when it has none, and dev mode in its `dev` script. */
function addToManifest(project: Project, editor: Editor, inngestDir: string, wanted: PlanDraft["wanted"]): void {
  const { plan } = editor;
  const has = { ...project.manifest.dependencies, ...project.manifest.devDependencies } as Record<string, string>;
  for (const section of ["dependencies", "devDependencies"] as const)
    for (const name of wanted[section])
      if (!(name in has) && !(name in plan.dependencies)) plan[section][name] = versions[name as DependencyName];
  const scripts = (project.manifest.scripts ?? {}) as Record<string, string>;
  const newScripts = testScripts(scripts, inngestDir, plan.notes);
  if (!project.devEnv.readByDevServer) addDevEnvToScript(project, editor, newScripts);
  const raised = reconcileDependencies(
    project,
    plan,
    [...wanted.dependencies, ...wanted.devDependencies],
    newScripts.dev,
  );
  editor.put(
    "package.json",
    editManifest(
      project,
      { ...plan.dependencies, ...raised.dependencies },
      { ...plan.devDependencies, ...raised.devDependencies },
      newScripts,
    ),
  );
}
