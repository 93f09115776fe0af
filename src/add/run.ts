import { accessSync, constants, existsSync, mkdirSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bold, cyan, dim } from "kolorist";
import type { Flags } from "../args.js";
import type { RunContext } from "../context.js";
import { devServerCommand } from "../dev-server.js";
import { CancelledError, CliError } from "../errors.js";
import { featuresNamed, type Feature } from "../features/index.js";
import { registeredFunctions } from "../features/contributions.js";
import { installDependencies } from "../install.js";
import { appChangeResult, functionsOf, type JsonChangeResult, printJson } from "../json-output.js";
import { FUNCTIONS_DIR, INNGEST_DIR } from "../layout.js";
import { commandsFor } from "../package-manager.js";
import { runCommand } from "../run-command.js";
import { log } from "../ui.js";
import { loadParser } from "./ast.js";
import { detectProject, type Project } from "./detect.js";
import { devScriptPort, loadsDevEnv } from "./dev-script.js";
import type { AddPlan, FileChange } from "./changes.js";
import { planAdd } from "./plan.js";

/** Exit code when everything else was written but some lines must be added by hand. */
export const EXIT_MANUAL_STEPS = 2;

/** `--add`: detect, plan, show or write, install, summarise. */
export async function runAdd(flags: Flags, context: RunContext): Promise<number> {
  const dir = path.resolve(context.cwd, flags.cwd ?? ".");
  const requested = parseFeatures(flags.add ?? []);
  await loadParser();
  const project = detectProject(dir);
  const plan = planAdd(project, requested, { agents: flags.agents !== false });

  log.info(
    `${bold(project.frameworkLabel)} app in ${dir} (${project.packageManager}${project.installDir === dir ? "" : ` workspace at ${project.installDir}`}${project.srcDir ? ", src/" : ""})`,
  );
  for (const feature of plan.skipped) log.info(`${dim("-")} ${feature.id} is already in the app: skipped`);
  const newDependencies = Object.keys(plan.dependencies).length + Object.keys(plan.devDependencies).length > 0;
  const finish = (outcome: { dryRun: boolean; installed: boolean }): number => {
    if (flags.json) printJson(addedJson(project, plan, path.relative(context.cwd, dir) || ".", outcome));
    return plan.manual.length > 0 ? EXIT_MANUAL_STEPS : 0;
  };

  if (flags.dryRun) {
    await printDryRun(plan);
    printNotes(plan);
    return finish({ dryRun: true, installed: !newDependencies });
  }

  if (plan.changes.length === 0) {
    log.success("Nothing to change: the app already has everything asked for.");
    printManual(plan);
    return finish({ dryRun: false, installed: true });
  }

  await confirmDirtyTree(dir, flags.yes, context.interactive);
  writeAll(dir, plan.changes);
  for (const change of plan.changes) log.info(`  ${change.before === null ? "created" : "changed"} ${change.path}`);
  log.success(
    `Added ${plan.added.length === 0 ? "Inngest" : plan.added.map((feature) => feature.id).join(", ")} (${plan.changes.length} files)`,
  );

  if (newDependencies && flags.install !== false) {
    await installDependencies(
      project.installDir,
      project.packageManager,
      path.relative(context.cwd, project.installDir) || ".",
    );
  } else if (newDependencies) {
    const from = path.relative(context.cwd, project.installDir);
    const install = commandsFor(project.packageManager).install;
    log.info(`Then install the new dependencies: ${cyan(from && from !== "." ? `cd ${from} && ${install}` : install)}`);
  }
  printManual(plan);
  printNotes(plan);
  return finish({ dryRun: false, installed: !newDependencies || flags.install !== false });
}

function addedJson(
  project: Project,
  plan: AddPlan,
  shownDir: string,
  outcome: { dryRun: boolean; installed: boolean },
): JsonChangeResult {
  const pm = commandsFor(project.packageManager);
  const inngestDir = plan.inngestDir ?? INNGEST_DIR;
  const after = (file: string) => plan.changes.find((change) => change.path === file)?.after;
  const env = [...new Set(plan.added.flatMap((feature) => (feature.env ?? []).map((entry) => entry.name)))];
  return {
    ...appChangeResult("add", { project, ...plan }, outcome.dryRun),
    features: plan.added.map((feature) => feature.id),
    functions: functionsOf(registeredFunctions(plan.added), `${inngestDir}/${FUNCTIONS_DIR}`, after),
    nextSteps: [
      ...(shownDir === "." ? [] : [`cd ${shownDir.includes(" ") ? JSON.stringify(shownDir) : shownDir}`]),
      ...(outcome.installed ? [] : [pm.install]),
      devStartsInDevMode(project, after("package.json")) ? pm.run("dev") : `INNGEST_DEV=1 ${pm.run("dev")}`,
      devServerCommand(devScriptPort(plannedScripts(project, after("package.json")).dev ?? "")),
    ],
    warnings: [
      ...plan.skipped.map((feature) => `${feature.id} is already in the app: skipped.`),
      ...plan.notes,
      ...(env.length > 0 ? [`The new functions read ${env.join(", ")} from the environment (see .env.example).`] : []),
    ],
  };
}

/** Whether the app's dev script (as --add leaves it) serves the Dev Server: it sets INNGEST_DEV. */
function devStartsInDevMode(project: Project, plannedManifest: string | undefined): boolean {
  return project.devEnv.readByDevServer || loadsDevEnv(plannedScripts(project, plannedManifest).dev ?? "");
}

function plannedScripts(project: Project, plannedManifest: string | undefined): Record<string, string> {
  return (JSON.parse(plannedManifest ?? project.manifestText).scripts ?? {}) as Record<string, string>;
}

function parseFeatures(ids: readonly string[]): Feature[] {
  const found: Feature[] = [];
  for (const id of ids) {
    if (id === "inngest") continue; // Inngest alone: the client, the endpoint, no feature
    const named = featuresNamed(id);
    if (!named)
      throw new CliError(
        `Unknown feature "${id}". Run with --list to see them (or --add inngest for Inngest alone).`,
        "unknown-feature",
      );
    for (const feature of named) if (!found.includes(feature)) found.push(feature);
  }
  return found;
}

/** `--dry-run`: each change as a unified diff, then the edits left to the user. Writes nothing. */
export async function printDryRun(plan: AddPlan): Promise<void> {
  log.info(`${bold("Dry run")}: nothing is written.`);
  const { createTwoFilesPatch } = await import("diff");
  for (const change of plan.changes) {
    log.info(
      createTwoFilesPatch(
        change.before === null ? "/dev/null" : `a/${change.path}`,
        `b/${change.path}`,
        change.before ?? "",
        change.after,
      ).replace(/^=+\n/, ""),
    );
  }
  printManual(plan);
}

export function printManual(plan: AddPlan): void {
  if (plan.manual.length === 0) return;
  log.warn(`Some edits could not be made safely; these files were left as they are. Add by hand:`);
  for (const step of plan.manual) {
    log.info(`\n${bold(step.file)}: ${step.where}`);
    for (const line of step.lines) log.info(`  ${line}`);
  }
}

function printNotes(plan: AddPlan): void {
  for (const note of plan.notes) log.info(`${dim("note:")} ${note}`);
  const env = [...new Set(plan.added.flatMap((feature) => (feature.env ?? []).map((entry) => entry.name)))];
  if (env.length > 0)
    log.info(`${dim("note:")} the new functions read ${env.join(", ")} from the environment (see .env.example).`);
}

export async function confirmDirtyTree(dir: string, yes: boolean, interactive: boolean): Promise<void> {
  const status = await runCommand("git", ["status", "--porcelain"], { cwd: dir });
  if (status.failed || status.stdout.trim() === "") return;
  log.warn(
    "The git working tree has uncommitted changes: you may want to commit them first, to review this change on its own.",
  );
  if (yes) return;
  if (!interactive)
    throw new CliError(
      "Uncommitted changes in the git working tree: commit them, or pass --yes to go on anyway. Nothing was changed.",
      "dirty-tree",
    );
  const { default: prompts } = await import("prompts");
  let cancelled = false;
  const { go } = await prompts(
    { type: "confirm", name: "go", message: "Go on anyway?", initial: false },
    { onCancel: () => (cancelled = true) },
  );
  if (cancelled || !go) throw new CancelledError();
}

/**
 * Writes every change or none: files that cannot be written are found before anything is touched,
 * and if a write still fails, the files already written get their old contents back.
 */
export function writeAll(dir: string, changes: readonly FileChange[]): void {
  for (const change of changes) {
    const file = path.join(dir, change.path);
    let probe = change.before === null ? path.dirname(file) : file;
    while (!existsSync(probe)) probe = path.dirname(probe);
    try {
      accessSync(probe, constants.W_OK);
    } catch {
      throw new CliError(`${path.relative(dir, probe) || "."} is not writable: nothing was changed.`, "not-writable");
    }
  }
  const done: { change: FileChange; createdDirs: string[] }[] = [];
  try {
    for (const change of changes) {
      const file = path.join(dir, change.path);
      const createdDirs: string[] = [];
      for (let parent = path.dirname(file); !existsSync(parent); parent = path.dirname(parent))
        createdDirs.unshift(parent);
      mkdirSync(path.dirname(file), { recursive: true });
      done.push({ change, createdDirs });
      writeFileSync(file, change.after);
    }
  } catch (error) {
    for (const { change, createdDirs } of done.reverse()) {
      const file = path.join(dir, change.path);
      if (change.before === null) rmSync(file, { force: true });
      else writeFileSync(file, change.before);
      for (const created of createdDirs.reverse()) {
        try {
          rmdirSync(created);
        } catch {
          // not empty: another restored file's directory
        }
      }
    }
    throw new CliError(
      `Writing failed (${(error as Error).message.split("\n")[0]}): every file was restored, nothing was changed.`,
      "write-failed",
    );
  }
}
