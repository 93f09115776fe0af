import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { dim } from "kolorist";
import type { PromptObject } from "prompts";
import type { Flags } from "../../args.js";
import type { RunContext } from "../../support/context.js";
import { CancelledError, CliError } from "../../support/errors.js";
import {
  ALL_FEATURES,
  defaultFeatureIds,
  featureGroups,
  features,
  featuresNamed,
  groupId,
  type Feature,
} from "../../features/index.js";
import { findFramework, frameworkIds, frameworks, type Framework } from "../../frameworks/index.js";
import { packageNameProblems, toValidPackageName } from "../../support/names.js";
import {
  detectPackageManager,
  isPackageManager,
  packageManagers,
  type PackageManager,
} from "../../support/package-manager.js";
import type { ProjectOptions } from "./plan.js";
import { checkTemplateSource } from "./template.js";

export interface RunOptions extends ProjectOptions {
  install: boolean;
  git: boolean;
  /** The target holds files that the user agreed (or `--force`d) to remove; `.git` stays. */
  emptyTarget: boolean;
  /** `--template`: a remote starter (see template.ts) instead of the built-in one. */
  template?: string;
  /** `--offline`: the remote starter comes only from the local cache. */
  offline: boolean;
}

const DEFAULT_NAME = "inngest-app";

/** Turns flags, then answers to prompts for whatever is missing, into the options of one run. */
export async function resolveOptions(flags: Flags, env: RunContext): Promise<RunOptions> {
  const frameworkFlag = flags.framework === undefined ? undefined : parseFramework(flags.framework);
  const featuresFlag = flags.features?.flatMap(parseFeature);
  if (flags.pm !== undefined && !isPackageManager(flags.pm)) {
    throw new CliError(
      `Unknown package manager "${flags.pm}". Choose one of: ${packageManagers.join(", ")}.`,
      "unknown-package-manager",
    );
  }
  if (flags.template !== undefined) checkTemplateSource(flags.template);
  if (flags.offline && flags.template === undefined)
    throw new CliError("--offline only applies to --template.", "conflicting-flags");
  const canAsk = env.interactive && !flags.yes;
  if (!canAsk && !flags.yes) {
    const unanswered = [
      ...(flags.dir === undefined
        ? [{ what: "the project name", pass: "a directory (create-inngest-app my-app)", flag: "[dir]" }]
        : []),
      ...(frameworkFlag
        ? []
        : [
            {
              what: "the framework",
              pass: `--framework <${frameworkIds.join("|")}>`,
              flag: `--framework <${frameworkIds.join("|")}>`,
            },
          ]),
      ...(featuresFlag
        ? []
        : [{ what: "the features", pass: "--features <ids> (see --list)", flag: "--features <a,b>" }]),
    ];
    if (unanswered.length > 0) {
      const asks = unanswered.map(({ what, pass }, i) => `${i === 0 ? "Missing" : "missing"} ${what}: pass ${pass}`);
      throw new CliError(
        `${asks.join("; ")}, or --yes to take the defaults (no terminal to ask in).`,
        "missing-answer",
        {
          missing: unanswered.map(({ flag }) => flag),
        },
      );
    }
  }

  let dir = flags.dir;
  if (dir === undefined) {
    dir = canAsk ? await askProjectName() : DEFAULT_NAME;
  }
  const { targetDir, projectName } = resolveTarget(dir, env.cwd);
  const emptyTarget = await checkTarget(targetDir, flags.force, canAsk);

  let framework = frameworkFlag;
  if (!framework) {
    framework = canAsk ? await askFramework() : frameworks[0]!;
  }

  if (flags.connect && !framework.connectWorker) {
    const able = frameworks.filter((f) => f.connectWorker).map((f) => f.label);
    throw new CliError(
      `--connect needs a long-running Node.js app: choose ${able.join(" or ")}, not ${framework.label}.`,
      "conflicting-flags",
    );
  }

  let selected = featuresFlag;
  if (!selected) {
    selected = canAsk ? await askFeatures() : defaultFeatureIds.flatMap(parseFeature);
  }

  const detected = detectPackageManager(env.userAgent) ?? "npm";
  const packageManager =
    (flags.pm as PackageManager | undefined) ?? (canAsk ? await askPackageManager(detected) : detected);
  const install = flags.install ?? (canAsk ? await askInstall(packageManager) : true);

  return {
    targetDir,
    projectName,
    framework,
    features: unique(selected),
    packageManager,
    install,
    git: flags.git ?? true,
    agents: flags.agents ?? true,
    emptyTarget,
    ...(flags.template === undefined ? {} : { template: flags.template }),
    offline: flags.offline,
    connect: flags.connect,
  };
}

/**
 * A bare name must be a valid package name; a path (`.`, `apps/worker`) names a directory as it is
 * and its package name is derived from the last folder.
 */
export function resolveTarget(dir: string, cwd: string): { targetDir: string; projectName: string } {
  const targetDir = path.resolve(cwd, dir);
  const isPath = dir === "." || dir === ".." || /[\\/]/.test(dir.replace(/^@[^/]+\//, ""));
  if (isPath) return { targetDir, projectName: toValidPackageName(path.basename(targetDir)) };
  const problems = packageNameProblems(dir);
  if (problems.length > 0) {
    throw new CliError(
      `"${dir}" is not a valid package name: ${problems.join(", ")}. Try "${toValidPackageName(dir)}".`,
      "invalid-name",
    );
  }
  return { targetDir, projectName: dir };
}

/** Whether the target must be emptied first; throws when it cannot be used. */
async function checkTarget(targetDir: string, force: boolean, canAsk: boolean): Promise<boolean> {
  const writable = nearestExisting(path.dirname(targetDir));
  if (!isWritable(writable) || (existsSync(targetDir) && statSync(targetDir).isDirectory() && !isWritable(targetDir))) {
    const where = existsSync(targetDir) && !isWritable(targetDir) ? targetDir : writable;
    throw new CliError(
      `Cannot write to ${where}: permission denied. Choose a directory you can write to.`,
      "not-writable",
    );
  }
  if (!existsSync(targetDir)) return false;
  if (!statSync(targetDir).isDirectory()) {
    throw new CliError(`${targetDir} is a file, not a directory. Choose another name.`, "target-is-file");
  }
  const entries = readdirSync(targetDir).filter((entry) => entry !== ".git");
  if (entries.length === 0) return false;
  if (force) return true;
  if (!canAsk) {
    throw new CliError(
      `${targetDir} is not empty. Choose another directory, or pass --force to empty it (keeps .git).`,
      "target-not-empty",
    );
  }
  const action = await ask<"cancel" | "empty">({
    type: "select",
    message: `${targetDir} is not empty (${entries.length} entries). What now?`,
    choices: [
      { title: "Cancel", value: "cancel" },
      { title: `Remove the ${entries.length} existing entries (keeps .git) and continue`, value: "empty" },
    ],
    initial: 0,
  });
  if (action !== "empty") throw new CancelledError();
  return true;
}

function nearestExisting(dir: string): string {
  let current = dir;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

function isWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function parseFramework(id: string): Framework {
  const framework = findFramework(id);
  if (!framework) {
    throw new CliError(`Unknown framework "${id}". Choose one of: ${frameworkIds.join(", ")}.`, "unknown-framework");
  }
  return framework;
}

function parseFeature(id: string): Feature[] {
  const named = featuresNamed(id);
  if (!named) {
    throw new CliError(
      `Unknown feature "${id}". Valid features: ${features.map((f) => f.id).join(", ")}, a group (${featureGroups.map(groupId).join(", ")}) or ${ALL_FEATURES} (see --list).`,
      "unknown-feature",
    );
  }
  return [...named];
}

function unique(list: readonly Feature[]): Feature[] {
  return [...new Set(list)];
}

async function askProjectName(): Promise<string> {
  const name = await ask<string>({
    type: "text",
    message: "Project name:",
    initial: DEFAULT_NAME,
    validate: (value: string) => {
      const problems = packageNameProblems(value.trim());
      return (
        problems.length === 0 || `Not a valid package name: ${problems.join(", ")}. Try "${toValidPackageName(value)}".`
      );
    },
  });
  return name.trim();
}

async function askFramework(): Promise<Framework> {
  const framework = await ask<Framework>({
    type: "select",
    message: "Framework:",
    choices: frameworks.map((f) => ({ title: f.colour(f.label), value: f })),
    initial: 0,
  });
  return framework;
}

async function askFeatures(): Promise<Feature[]> {
  const groupWidth = Math.max(...featureGroups.map((group) => group.length));
  const choices = featureGroups.flatMap((group) =>
    features
      .filter((feature) => feature.group === group)
      .map((feature) => ({
        title: `${dim(group.padEnd(groupWidth))}  ${feature.label}`,
        description: `${feature.id}: ${feature.description}`,
        value: feature,
        selected: defaultFeatureIds.includes(feature.id),
      })),
  );
  return ask<Feature[]>({
    type: "multiselect",
    message: "Features:",
    choices,
    hint: "space to select, enter to confirm",
    instructions: false,
    // The answered line lists the chosen titles: drop the group column from them once answered.
    onRender(this: { done: boolean; value: { title: string; value: Feature }[] }) {
      if (this.done) for (const choice of this.value) choice.title = choice.value.label;
    },
  });
}

async function askPackageManager(detected: PackageManager): Promise<PackageManager> {
  const pm = await ask<PackageManager>({
    type: "select",
    message: "Package manager:",
    choices: packageManagers.map((name) => ({ title: name, value: name })),
    initial: packageManagers.indexOf(detected),
  });
  return pm;
}

async function askInstall(pm: PackageManager): Promise<boolean> {
  const install = await ask<boolean>({
    type: "confirm",
    message: `Install dependencies with ${pm} now?`,
    initial: true,
  });
  return install;
}

/** One question; Ctrl-C or Escape cancels the whole run before anything is written. */
async function ask<T>(question: Omit<PromptObject<"answer">, "name">): Promise<T> {
  const { default: prompts } = await import("prompts");
  let cancelled = false;
  const answers = await prompts({ ...question, name: "answer" }, { onCancel: () => (cancelled = true) });
  if (cancelled || answers.answer === undefined) throw new CancelledError();
  return answers.answer as T;
}
