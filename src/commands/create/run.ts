import path from "node:path";
import { bold, cyan, dim, green } from "kolorist";
import type { Flags } from "../../args.js";
import type { RunContext } from "../../support/context.js";
import { devEndpoint, devServerCommand } from "../../contributions/dev-server.js";
import { CliError } from "../../support/errors.js";
import { registeredFunctions } from "../../contributions/features.js";
import { initGitRepository } from "./git.js";
import { installDependencies } from "../../support/install.js";
import { functionsOf, type JsonChangeResult, printJson } from "../../support/json-output.js";
import { FUNCTIONS_DIR, INNGEST_DIR } from "../../contributions/layout.js";
import { toAppId } from "../../support/names.js";
import { resolveOptions, type RunOptions } from "./options.js";
import { commandsFor } from "../../support/package-manager.js";
import { planProject } from "./plan.js";
import { log } from "../../support/ui.js";
import { type WritablePlan, writePlan } from "./write.js";

/** Create: flags and prompts, plan, write, install, git, next steps. */
export async function runCreate(flags: Flags, context: RunContext): Promise<void> {
  if (flags.cwd !== undefined)
    throw new CliError("--cwd goes with --add or --function (the app to change).", "conflicting-flags");

  const options = await resolveOptions(flags, context);
  const builtIn = planProject(options);
  let plan: WritablePlan = builtIn;
  if (options.template !== undefined) {
    const { planWithTemplate } = await import("./template.js");
    plan = await planWithTemplate(builtIn, { source: options.template, offline: options.offline });
  }
  if (flags.dryRun) {
    if (flags.json) return printJson(createdJson(plan, options, context.cwd, { dryRun: true, warnings: [] }));
    return log.info(describePlan(plan, options, context.cwd));
  }

  const shownDir = relativeDir(context.cwd, options.targetDir);
  // cli.ts listens for SIGINT and SIGTERM, so a signal waits for this synchronous write to finish
  // (the project whole) before it ends the run.
  writePlan(plan, options.emptyTarget);
  log.success(`Created ${bold(options.projectName)} in ${cyan(shownDir)} (${plan.files.length} files)`);

  if (options.install) await installDependencies(options.targetDir, options.packageManager, shownDir);
  const warnings: string[] = [];
  if (options.git) {
    const git = await initGitRepository(options.targetDir);
    if (git.created) log.success("Initialised a git repository with a first commit");
    else {
      warnings.push(`No git repository was made: ${git.reason}.`);
      log.warn(warnings.at(-1)!);
    }
  }
  if (flags.json) return printJson(createdJson(plan, options, context.cwd, { dryRun: false, warnings }));
  log.info(nextSteps(options, shownDir));
}

function createdJson(
  plan: WritablePlan,
  options: RunOptions,
  cwd: string,
  outcome: { dryRun: boolean; warnings: string[] },
): JsonChangeResult {
  const text = (file: string) => {
    const contents = plan.files.find((planned) => planned.path === file)?.contents;
    return typeof contents === "string" ? contents : undefined;
  };
  return {
    ok: true,
    command: "create",
    dryRun: outcome.dryRun,
    directory: options.targetDir,
    appId: toAppId(options.projectName),
    framework: options.framework.id,
    packageManager: options.packageManager,
    features: options.features.map((feature) => feature.id),
    files: plan.files.map((file) => ({ path: file.path, action: "create" as const })),
    functions: functionsOf(registeredFunctions(options.features), `${INNGEST_DIR}/${FUNCTIONS_DIR}`, text),
    dependencies: plan.dependencies,
    devDependencies: plan.devDependencies,
    nextSteps: nextStepCommands(options, relativeDir(cwd, options.targetDir), !outcome.dryRun && options.install),
    warnings: outcome.warnings,
    manualSteps: [],
  };
}

function describePlan(plan: WritablePlan, options: RunOptions, cwd: string): string {
  const { framework, packageManager } = options;
  const deps = (record: Record<string, string>) =>
    Object.entries(record).map(([name, version]) => `  ${name}@${version}`);
  return [
    `${bold("Dry run")}: nothing is written.`,
    `Would create ${bold(options.projectName)} (${framework.label}) in ${relativeDir(cwd, options.targetDir)}` +
      (options.emptyTarget ? ", after removing what it holds (keeping .git)" : ""),
    "",
    bold("Files"),
    ...plan.files.map((file) => `  ${file.path}`),
    "",
    bold("dependencies"),
    ...deps(plan.dependencies),
    bold("devDependencies"),
    ...deps(plan.devDependencies),
    "",
    `Then: ${options.install ? `${commandsFor(packageManager).install}` : "no install"}, ${options.git ? "git init and a first commit" : "no git"}.`,
  ].join("\n");
}

/** The commands to run next, from the directory the command ran in. */
function nextStepCommands(options: RunOptions, shownDir: string, installed: boolean): string[] {
  const pm = commandsFor(options.packageManager);
  return [
    ...(shownDir === "." ? [] : [`cd ${shownDir.includes(" ") ? JSON.stringify(shownDir) : shownDir}`]),
    ...(installed ? [] : [pm.install]),
    pm.run("dev"),
    devServerCommand(options.framework.devPort),
  ];
}

function nextSteps(options: RunOptions, shownDir: string): string {
  const pm = commandsFor(options.packageManager);
  const steps = nextStepCommands(options, shownDir, options.install).slice(0, -1);
  return [
    "",
    bold("Next steps"),
    ...steps.map((step) => `  ${cyan(step)}`),
    "",
    `In a second terminal, start the Inngest Dev Server:`,
    `  ${cyan(devServerCommand(options.framework.devPort))}`,
    `and open ${green("http://localhost:8288")} to send events and watch your functions run.`,
    ...(options.connect
      ? [`Or serve the functions over connect(), with no HTTP endpoint: ${cyan(pm.run("worker"))} (Node.js 22.4+).`]
      : []),
    dim(`Tests: ${pm.run("test")}. The app serves Inngest at ${devEndpoint(options.framework.devPort)}.`),
  ].join("\n");
}

function relativeDir(cwd: string, dir: string): string {
  return path.relative(cwd, dir) || ".";
}
