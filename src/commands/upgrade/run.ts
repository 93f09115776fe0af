import path from "node:path";
import { bold, cyan, dim } from "kolorist";
import type { Flags } from "../../args.js";
import { loadParser } from "../../app/ast.js";
import { confirmDirtyTree } from "../../app/write/confirm.js";
import { detectProject, type Project } from "../../app/detect/project.js";
import { loadsDevEnv } from "../../app/edits/dev-script.js";
import { EXIT_MANUAL_STEPS, printDryRun, printManual } from "../../app/write/report.js";
import { writeAll } from "../../app/write/write.js";
import type { RunContext } from "../../support/context.js";
import { installDependencies } from "../../support/install.js";
import { appChangeResult, type JsonChangeResult, printJson } from "../../support/json-output.js";
import { commandsFor } from "../../support/package-manager.js";
import { log } from "../../support/ui.js";
import { versions } from "../../support/versions.js";
import { planUpgrade, type UpgradePlan } from "./plan.js";

/** `--upgrade`: detect, plan the move to v4, show (--dry-run) or write all of it, install, summarise. */
export async function runUpgrade(flags: Flags, context: RunContext): Promise<number> {
  const dir = path.resolve(context.cwd, flags.cwd ?? ".");
  await loadParser();
  const project = detectProject(dir);
  const plan = planUpgrade(project);
  log.info(
    `${bold(project.frameworkLabel)} app in ${dir} on inngest ${plan.fromRange}: upgrading to ${versions.inngest}`,
  );
  if (project.advisory) log.warn(project.advisory);
  const newDependencies = Object.keys(plan.dependencies).length + Object.keys(plan.devDependencies).length > 0;
  const finish = (outcome: { dryRun: boolean; installed: boolean }): number => {
    if (flags.json) printJson(upgradeJson(project, plan, path.relative(context.cwd, dir) || ".", outcome));
    return plan.manual.length > 0 ? EXIT_MANUAL_STEPS : 0;
  };

  if (flags.dryRun) {
    await printDryRun(plan);
    printSummary(plan);
    return finish({ dryRun: true, installed: !newDependencies });
  }
  if (plan.changes.length === 0) {
    log.success("Nothing to change: the app is on inngest v4 already.");
    printSummary(plan);
    return finish({ dryRun: false, installed: true });
  }

  await confirmDirtyTree(dir, flags.yes, context.interactive);
  writeAll(dir, plan.changes);
  for (const change of plan.changes) log.info(`  ${change.before === null ? "created" : "changed"} ${change.path}`);
  log.success(`Upgraded to inngest ${versions.inngest} (${plan.changes.length} files)`);
  if (newDependencies && flags.install !== false) {
    await installDependencies(
      project.installDir,
      project.packageManager,
      path.relative(context.cwd, project.installDir) || ".",
    );
  } else if (newDependencies) {
    log.info(`Then install the new versions: ${cyan(commandsFor(project.packageManager).install)}`);
  }
  printSummary(plan);
  return finish({ dryRun: false, installed: !newDependencies || flags.install !== false });
}

function printSummary(plan: UpgradePlan): void {
  for (const moved of plan.moved)
    log.info(`${dim("-")} ${moved.id} (${moved.file}:${moved.line}): triggers moved into its options`);
  for (const note of plan.notes) log.info(`${dim("note:")} ${note}`);
  printManual(plan);
}

function upgradeJson(
  project: Project,
  plan: UpgradePlan,
  shownDir: string,
  outcome: { dryRun: boolean; installed: boolean },
): JsonChangeResult {
  const pm = commandsFor(project.packageManager);
  const planned = plan.changes.find((change) => change.path === "package.json")?.after ?? project.manifestText;
  const dev = String(JSON.parse(planned).scripts?.dev ?? "");
  return {
    ...appChangeResult("upgrade", { project, ...plan }, outcome.dryRun),
    features: [],
    functions: plan.moved.map((moved) => ({ id: moved.id, exportName: moved.id, file: moved.file })),
    nextSteps: [
      ...(shownDir === "." ? [] : [`cd ${shownDir.includes(" ") ? JSON.stringify(shownDir) : shownDir}`]),
      ...(outcome.installed ? [] : [pm.install]),
      project.devEnv.readByDevServer || loadsDevEnv(dev) ? pm.run("dev") : `INNGEST_DEV=1 ${pm.run("dev")}`,
    ],
    warnings: [...(project.advisory ? [project.advisory] : []), ...plan.notes],
  };
}
