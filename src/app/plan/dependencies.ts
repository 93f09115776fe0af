import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { CliError } from "../../support/errors.js";
import { commandsFor, type PackageManager } from "../../support/package-manager.js";
import { olderMajors, versions } from "../../support/versions.js";
import { installedVersion, lockedVersion } from "../detect/lockfile.js";
import type { AddPlan } from "./change-set.js";
import { type Need, type Raise, raisedNote } from "./raise.js";
import type { Project } from "../detect/project.js";
import { WRANGLER_DEV } from "../detect/dev-script-name.js";
import table from "./needs.json" with { type: "json" };

// Dependency reconciliation, before anything is written: what the planned code needs of the app's
// packages (needs.json: the pinned packages' own peerDependencies, from the registry, and the few
// needs that are no peer), against the range the app declares and the version it resolves. A
// package inside the needed major but too old is raised; one that needs another major is refused.

/** What the app's packages are: declared ranges, and where their resolved versions are found. */
export interface AppPackages {
  declared: Record<string, { range: string; section: Raise["section"] }>;
  resolved: (name: string) => string | undefined;
  packageManager: PackageManager;
}

interface Provider {
  version: string;
  peers: Record<string, { range: string; optional: boolean }>;
}
const providers = table.packages as Record<string, Provider>;
/** Packages whose API the generated code is written against: the app's own must be in the pinned major. */
const API_PACKAGES = new Set(["inngest", "@inngest/test", "@inngest/agent-kit"]);

/**
 * The needs of the code a plan writes: the peers of each pinned package it imports or installs (an
 * app that keeps its own vitest keeps that vitest's peers), each API package at its pinned major,
 * and the facts that are no peer (`wrangler dev --env-file` when the dev script gets it).
 */
export function neededBy(imported: ReadonlySet<string>, app: AppPackages, conditions: ReadonlySet<string>): Need[] {
  const needs: Need[] = [];
  for (const [name, provider] of Object.entries(providers)) {
    if (!imported.has(name)) continue;
    const api = API_PACKAGES.has(name);
    if (name in app.declared && !api) continue;
    if (api && name in app.declared)
      needs.push({
        name,
        range: `^${provider.version}`,
        by: `the added code (for ${name} ${provider.version})`,
        api,
      });
    // Optional peers too: npm refuses the install when the app has the package at another range.
    for (const [peer, { range }] of Object.entries(provider.peers))
      needs.push({ name: peer, range, by: `${name} ${provider.version}` });
  }
  for (const fact of table.facts)
    if (conditions.has(fact.when)) needs.push({ name: fact.name, range: fact.range, by: fact.by });
  return needs;
}

/** The version line a version belongs to, as `^` reads it: 4.x.x, or 0.13.x before 1.0. */
function lineOf(version: string): string {
  const { major, minor } = semver.parse(version)!;
  return major > 0 ? `>=${major}.0.0 <${major + 1}.0.0-0` : `>=0.${minor}.0 <0.${minor + 1}.0-0`;
}

/** The range part of a declared specifier semver can read (`npm:zod@^3.22.4` reads `^3.22.4`); else undefined. */
export function readableRange(name: string, declared: string): string | undefined {
  const alias = /^npm:((?:@[^/@]+\/)?[^@]+)@(.+)$/.exec(declared);
  if (alias && alias[1] !== name) return undefined;
  return semver.validRange(alias ? alias[2]! : declared) ?? undefined;
}

/** The smallest tested version in `line` that satisfies every need: the pinned one, an older major's, else the least allowed. */
function raiseTarget(name: string, line: string, needs: readonly Need[]): string | undefined {
  const fits = (version: string | undefined) =>
    version !== undefined &&
    semver.satisfies(version, line) &&
    needs.every((need) => semver.satisfies(version, need.range));
  const tested = [versions[name as keyof typeof versions], ...Object.values(olderMajors[name] ?? {})];
  const found = tested.find(fits);
  if (found) return found;
  const least = needs
    .flatMap((need) => new semver.Range(need.range).set.map((set) => set.map((c) => c.value).join(" ")))
    .map((set) => semver.minVersion(`${set} ${line}`.trim()))
    .filter((version): version is semver.SemVer => version !== null && fits(version.version))
    .sort(semver.compare);
  return least[0]?.version;
}

export interface Reconciled {
  raised: Raise[];
}

/**
 * Compares each needed package the app has (or the plan adds: `added`, at the pinned versions) with
 * its needs. Throws `incompatible-dependency` for the first that needs another major.
 */
export function reconcile(needs: readonly Need[], app: AppPackages, added: Record<string, string>): Reconciled {
  const raised: Raise[] = [];
  const byName = new Map<string, Need[]>();
  for (const need of needs) byName.set(need.name, [...(byName.get(need.name) ?? []), need]);
  for (const [name, ofName] of byName) {
    const declared = app.declared[name];
    if (!declared) {
      const version = added[name];
      const unmet = version && ofName.find((need) => !semver.satisfies(version, need.range));
      if (unmet) refuse(name, version, unmet, app, version);
      continue;
    }
    const range = readableRange(name, declared.range);
    const resolved = app.resolved(name);
    const floor = range ? semver.minVersion(range)?.version : undefined;
    const runs = resolved ?? floor;
    if (!runs) continue; // nothing readable: not taken as too old
    const line = lineOf(runs);
    const failing = (version: string | undefined) =>
      version === undefined ? undefined : ofName.find((need) => !semver.satisfies(version, need.range));
    // What runs decides; the declared range's floor only when nothing is resolved (no install, no lockfile).
    const unmet = resolved ? failing(resolved) : failing(floor);
    // The declared range is new enough, only the install is behind: the install after the add brings it.
    if (!unmet || (floor && !failing(floor) && semver.satisfies(floor, line))) continue;
    // `workspace:*`, `catalog:`, a tag: what it points at is raised where it is kept, not here.
    if (!range) refuse(name, `${resolved} (declared "${declared.range}")`, unmet, app);
    const api = ofName.find((need) => need.api);
    const target = raiseTarget(name, line, ofName);
    if (!target || (api && !semver.satisfies(target, api.range)))
      refuse(name, resolved ?? declared.range, api ?? unmet, app);
    const alias = declared.range.startsWith("npm:") ? `npm:${name}@` : "";
    const to = `${alias}${semver.valid(range ?? "") ? "" : "^"}${target}`;
    raised.push({ name, section: declared.section, from: declared.range, to, need: unmet });
  }
  return { raised };
}

function refuse(name: string, appVersion: string, need: Need, app: AppPackages, pinned?: string): never {
  const target =
    [versions[name as keyof typeof versions], ...Object.values(olderMajors[name] ?? {})].find(
      (version) => version !== undefined && semver.satisfies(version, need.range),
    ) ?? semver.minVersion(need.range)?.version;
  const section = app.declared[name]?.section ?? "dependencies";
  const upgrade = target
    ? commandsFor(app.packageManager).add(`${name}@${target}`, section === "devDependencies")
    : undefined;
  const major = (version: string) => semver.coerce(version)?.major;
  const detail = pinned
    ? `the pinned ${name} ${pinned} does not satisfy ${need.range} (${need.by})`
    : need.api
      ? `the added code is written for ${name} ${major(need.range.slice(1))}: apps on ${name} ${major(appVersion)} need upgrading to ${name} ${major(need.range.slice(1))} first`
      : `${need.by} needs ${name} ${need.range}, another major`;
  throw new CliError(
    `This app has ${name} ${appVersion}: ${detail}. Upgrade it${upgrade ? ` (${upgrade})` : ""}, then run the command again. Nothing was changed.`,
    "incompatible-dependency",
  );
}

/** The app's packages as planned: its manifest's sections, resolved through node_modules, then its lockfile. */
export function appPackages(
  manifest: Record<string, any>,
  where: { dir: string; installDir: string; packageManager: PackageManager },
): AppPackages {
  const declared: AppPackages["declared"] = {};
  for (const section of ["devDependencies", "dependencies"] as const)
    for (const [name, range] of Object.entries((manifest[section] ?? {}) as Record<string, unknown>))
      if (typeof range === "string") declared[name] = { range, section };
  const lockfiles = ["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock"]
    .map((file) => ({ file, full: path.join(where.installDir, file) }))
    .filter(({ full }) => existsSync(full))
    .map(({ file, full }) => ({ file, text: readFileSync(full, "utf8") }));
  const importer = path.relative(where.installDir, where.dir).split(path.sep).join("/");
  return {
    declared,
    packageManager: where.packageManager,
    resolved: (name) =>
      installedVersion(name, [where.dir, where.installDir]) ??
      lockfiles
        .map(({ file, text }) => lockedVersion(file, text, { name, declared: declared[name]?.range, importer }))
        .find(Boolean),
  };
}

/**
 * The app's packages that the planned code needs newer: raised in the plan (and named in its
 * notes), or refused in one line before anything is written when they need another major.
 */
export function reconcileDependencies(
  project: Project,
  plan: AddPlan,
  wanted: readonly string[],
  plannedDev: string | undefined,
): Record<"dependencies" | "devDependencies", Record<string, string>> {
  const app = appPackages(project.manifest, project);
  const imported = new Set(wanted);
  const conditions = new Set(imported);
  if (plannedDev !== undefined && WRANGLER_DEV.test(plannedDev) && plannedDev.includes("--env-file"))
    conditions.add("wrangler-env-file");
  const { raised } = reconcile(neededBy(imported, app, conditions), app, {
    ...plan.dependencies,
    ...plan.devDependencies,
  });
  plan.raised = raised;
  const sections = { dependencies: {}, devDependencies: {} } as Record<
    "dependencies" | "devDependencies",
    Record<string, string>
  >;
  for (const raise of raised) sections[raise.section][raise.name] = raise.to;
  plan.notes.unshift(...raised.map(raisedNote));
  return sections;
}
