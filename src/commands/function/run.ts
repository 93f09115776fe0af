import path from "node:path";
import { bold, cyan, dim } from "kolorist";
import type { Flags } from "../../args.js";
import type { RunContext } from "../../support/context.js";
import { CliError } from "../../support/errors.js";
import { appChangeResult, type JsonChangeResult, printJson } from "../../support/json-output.js";
import { commandsFor } from "../../support/package-manager.js";
import { log } from "../../support/ui.js";
import { loadParser } from "../../app/ast.js";
import { detectProject, type Project } from "../../app/detect/project.js";
import { confirmDirtyTree } from "../../app/write/confirm.js";
import { EXIT_MANUAL_STEPS, printDryRun, printManual } from "../../app/write/report.js";
import { writeAll } from "../../app/write/write.js";
import { installWritten } from "../../app/write/install.js";
import { planFunction, type FunctionPlan } from "./plan.js";
import { syncExpectation } from "./render-test.js";
import { type FunctionSpec, parseFunctionSpec } from "./spec.js";

/** `--function <id>`: flags (and prompts) -> spec -> the app's edits -> diff, or write and install. */
export async function runFunction(flags: Flags, context: RunContext): Promise<number> {
  if (flags.add)
    throw new CliError("--function and --add are separate commands: run one, then the other.", "conflicting-flags");
  if (flags.dir !== undefined)
    throw new CliError(
      `--function works in an existing app (--cwd <dir>), not on a new project "${flags.dir}".`,
      "conflicting-flags",
    );
  const dir = path.resolve(context.cwd, flags.cwd ?? ".");
  const json = flags.json;
  let generatorFlags = flags.generator;
  let id = flags.function || undefined;
  // A command that names the function and its trigger is complete: prompts only fill in a partial one.
  const complete = id !== undefined && (generatorFlags.event !== undefined || generatorFlags.cron !== undefined);
  if (context.interactive && !flags.yes && !json && !complete) {
    const { askMissing } = await import("./prompts.js");
    ({ id, generatorFlags } = await askMissing(id, generatorFlags));
  }
  if (id === undefined || id === "")
    throw new CliError("--function needs an id: --function <id>, e.g. --function sync-contact.", "missing-answer");
  const spec = parseFunctionSpec(id, generatorFlags);

  await loadParser();
  const project = detectProject(dir, "--function");
  if (project.advisory) log.warn(project.advisory);
  const plan = planFunction(project, spec, { agents: flags.agents !== false });
  const code = plan.manual.length > 0 ? EXIT_MANUAL_STEPS : 0;

  if (flags.dryRun) {
    if (json) printJson(functionJson(project, spec, plan, { dryRun: true, installed: false }));
    else await printDryRun(plan);
    return code;
  }

  await confirmDirtyTree(dir, flags.yes, context.interactive);
  writeAll(dir, plan.changes, project.files.seen);
  const newDependencies =
    Object.keys(plan.dependencies).length + Object.keys(plan.devDependencies).length + plan.raised.length > 0;
  const install = newDependencies && flags.install !== false;
  const summary = () => {
    printManual(plan);
    for (const note of plan.notes) log.info(`${dim("note:")} ${note}`);
  };
  if (json) {
    if (install) await installWritten(project, context.cwd, summary);
    printJson(functionJson(project, spec, plan, { dryRun: false, installed: !newDependencies || install }));
    return code;
  }
  for (const change of plan.changes) log.info(`  ${change.before === null ? "created" : "changed"} ${change.path}`);
  log.success(`Added the function ${bold(spec.id)} (${plan.functionFile}), its test, and registered it`);
  if (install) {
    await installWritten(project, context.cwd, summary);
  } else if (newDependencies) {
    log.info(`Then install the new dependencies: ${cyan(commandsFor(project.packageManager).install)}`);
  }
  summary();
  log.info(`Run its test: ${cyan(`npx vitest run ${plan.testFile}`)}`);
  return code;
}

/** What `--json` prints: the envelope every command shares (schema/output.schema.json). */
function functionJson(
  project: Project,
  spec: FunctionSpec,
  plan: FunctionPlan,
  outcome: { dryRun: boolean; installed: boolean },
): JsonChangeResult {
  return {
    ...appChangeResult("function", { project, ...plan }, outcome.dryRun),
    features: [],
    functions: [{ id: spec.id, exportName: spec.exportName, file: plan.functionFile }],
    nextSteps: [
      ...(outcome.installed ? [] : [commandsFor(project.packageManager).install]),
      `npx vitest run ${plan.testFile}`,
    ],
    warnings: [...(project.advisory ? [project.advisory] : []), ...plan.notes],
    config: syncExpectation(spec),
  };
}
