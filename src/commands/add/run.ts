import path from "node:path";
import { bold, cyan, dim } from "kolorist";
import type { Flags } from "../../args.js";
import type { RunContext } from "../../support/context.js";
import { CliError } from "../../support/errors.js";
import { featuresNamed, type Feature } from "../../features/index.js";
import { registeredFunctions } from "../../contributions/features.js";
import { appChangeResult, functionsOf, type JsonChangeResult, printJson } from "../../support/json-output.js";
import { FUNCTIONS_DIR, INNGEST_DIR } from "../../contributions/layout.js";
import { commandsFor } from "../../support/package-manager.js";
import { log } from "../../support/ui.js";
import { loadParser } from "../../app/ast.js";
import { detectProject, type Project } from "../../app/detect/project.js";
import type { AddPlan } from "../../app/plan/change-set.js";
import { planAdd } from "./plan.js";
import { confirmDirtyTree } from "../../app/write/confirm.js";
import { EXIT_MANUAL_STEPS, printDryRun, printManual } from "../../app/write/report.js";
import { writeAll } from "../../app/write/write.js";
import { installWritten, notInstalled } from "../../app/write/install.js";

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
  if (project.advisory) log.warn(project.advisory);
  for (const feature of plan.skipped) log.info(`${dim("-")} ${feature.id} is already in the app: skipped`);
  // Packages an earlier run wrote into package.json and did not get installed count as new.
  const pending = notInstalled(project);
  const newDependencies =
    Object.keys(plan.dependencies).length + Object.keys(plan.devDependencies).length + plan.raised.length > 0 ||
    pending.length > 0;
  const finish = (outcome: { dryRun: boolean; installed: boolean }): number => {
    if (flags.json) printJson(addedJson(project, plan, path.relative(context.cwd, dir) || ".", outcome));
    return plan.manual.length > 0 ? EXIT_MANUAL_STEPS : 0;
  };
  const summary = () => {
    printManual(plan);
    printNotes(plan);
  };
  const installFrom = path.relative(context.cwd, project.installDir);
  const installCommand = `${installFrom && installFrom !== "." ? `cd ${installFrom} && ` : ""}${commandsFor(project.packageManager).install}`;

  if (flags.dryRun) {
    await printDryRun(plan);
    printNotes(plan);
    return finish({ dryRun: true, installed: !newDependencies });
  }

  if (plan.changes.length === 0) {
    log.success("Nothing to change: the app already has everything asked for.");
    if (pending.length > 0 && flags.install !== false) {
      log.info(`package.json lists ${pending.join(", ")}, not installed in node_modules: installing.`);
      await installWritten(project, context.cwd, summary);
    } else if (pending.length > 0) {
      log.info(`package.json lists ${pending.join(", ")}, not installed in node_modules: run ${cyan(installCommand)}.`);
    }
    summary();
    return finish({ dryRun: false, installed: pending.length === 0 || flags.install !== false });
  }

  await confirmDirtyTree(dir, flags.yes, context.interactive);
  writeAll(dir, plan.changes, project.files.seen);
  for (const change of plan.changes) log.info(`  ${change.before === null ? "created" : "changed"} ${change.path}`);
  log.success(
    `Added ${plan.added.length === 0 ? "Inngest" : plan.added.map((feature) => feature.id).join(", ")} (${plan.changes.length} files)`,
  );

  if (newDependencies && flags.install !== false) await installWritten(project, context.cwd, summary);
  else if (newDependencies) log.info(`Then install the new dependencies: ${cyan(installCommand)}`);
  summary();
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
      ...(plan.dev ? [plan.dev.command, plan.dev.devServer] : []),
    ],
    warnings: [
      ...(project.advisory ? [project.advisory] : []),
      ...plan.skipped.map((feature) => `${feature.id} is already in the app: skipped.`),
      ...plan.notes,
      ...(env.length > 0 ? [`The new functions read ${env.join(", ")} from the environment (see .env.example).`] : []),
    ],
  };
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

function printNotes(plan: AddPlan): void {
  for (const note of plan.notes) log.info(`${dim("note:")} ${note}`);
  const env = [...new Set(plan.added.flatMap((feature) => (feature.env ?? []).map((entry) => entry.name)))];
  if (env.length > 0)
    log.info(`${dim("note:")} the new functions read ${env.join(", ")} from the environment (see .env.example).`);
}
