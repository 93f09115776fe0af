import path from "node:path";
import { bold, cyan, dim, green } from "kolorist";
import type { Flags } from "./args.js";
import type { RunContext } from "./context.js";
import { CliError } from "./errors.js";
import { featureGroups, features } from "./features/index.js";
import { initGitRepository } from "./git.js";
import { installDependencies } from "./install.js";
import { resolveOptions, type RunOptions } from "./options.js";
import { commandsFor } from "./package-manager.js";
import { planProject } from "./plan.js";
import { log } from "./ui.js";
import { type WritablePlan, writePlan } from "./write.js";

/**
 * The whole run, top to bottom: flags and prompts, plan, write, install, git, next steps.
 * `--help` and `--version` are answered by cli.ts before this module loads.
 */
export async function main(flags: Flags, context: RunContext): Promise<void> {
  if (flags.list) return log.info(featureList());
  if (flags.add) {
    const { runAdd } = await import("./add/run.js");
    const code = await runAdd(flags, context);
    if (code !== 0) process.exitCode = code;
    return;
  }
  if (flags.cwd !== undefined) throw new CliError("--cwd goes with --add (the app to add to).");

  const options = await resolveOptions(flags, context);
  const builtIn = planProject(options);
  let plan: WritablePlan = builtIn;
  if (options.template !== undefined) {
    const { planWithTemplate } = await import("./template.js");
    plan = await planWithTemplate(builtIn, { source: options.template, offline: options.offline });
  }
  if (flags.dryRun) return log.info(describePlan(plan, options, context.cwd));

  const shownDir = relativeDir(context.cwd, options.targetDir);
  // With listeners in place, Node delivers SIGINT and SIGTERM between turns of the event loop, so a
  // signal waits for the synchronous write to finish (the project whole) and then ends the run.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
  }
  writePlan(plan, options.emptyTarget);
  log.success(`Created ${bold(options.projectName)} in ${cyan(shownDir)} (${plan.files.length} files)`);

  if (options.install) await installDependencies(options.targetDir, options.packageManager, shownDir);
  if (options.git) {
    const git = await initGitRepository(options.targetDir);
    if (git.created) log.success("Initialised a git repository with a first commit");
    else log.warn(`No git repository was made: ${git.reason}.`);
  }
  log.info(nextSteps(options, shownDir));
}

export function featureList(): string {
  const width = Math.max(...features.map((feature) => feature.id.length)) + 2;
  return featureGroups
    .map((group) => {
      const rows = features
        .filter((feature) => feature.group === group)
        .map((feature) => `  ${feature.id.padEnd(width)}${feature.description}`);
      return rows.length === 0 ? "" : `${bold(group)}\n${rows.join("\n")}`;
    })
    .filter(Boolean)
    .join("\n\n");
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

function nextSteps(options: RunOptions, shownDir: string): string {
  const pm = commandsFor(options.packageManager);
  const steps = [
    ...(shownDir === "." ? [] : [`cd ${shownDir.includes(" ") ? JSON.stringify(shownDir) : shownDir}`]),
    ...(options.install ? [] : [pm.install]),
    pm.run("dev"),
  ];
  return [
    "",
    bold("Next steps"),
    ...steps.map((step) => `  ${cyan(step)}`),
    "",
    `In a second terminal, start the Inngest Dev Server:`,
    `  ${cyan("npx inngest-cli@latest dev")}`,
    `and open ${green("http://localhost:8288")} to send events and watch your functions run.`,
    dim(`Tests: ${pm.run("test")}. The app serves Inngest at http://localhost:3000/api/inngest.`),
  ].join("\n");
}

function relativeDir(cwd: string, dir: string): string {
  return path.relative(cwd, dir) || ".";
}
