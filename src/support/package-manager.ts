export const packageManagers = ["npm", "pnpm", "yarn", "bun"] as const;
export type PackageManager = (typeof packageManagers)[number];

export function isPackageManager(value: string): value is PackageManager {
  return (packageManagers as readonly string[]).includes(value);
}

/** The manager that launched us (`npm create`, `pnpm create`, ...), from its user agent. */
export function detectPackageManager(userAgent: string | undefined): PackageManager | undefined {
  const name = userAgent?.split(" ")[0]?.split("/")[0];
  return name && isPackageManager(name) ? name : undefined;
}

export interface PackageManagerCommands {
  install: string;
  run: (script: string) => string;
  /** Adds (or moves to) a version of a package: `npm install -D vitest@4.1.12`. */
  add: (spec: string, dev: boolean) => string;
}

export function commandsFor(pm: PackageManager): PackageManagerCommands {
  return {
    install: pm === "yarn" ? "yarn" : `${pm} install`,
    run: (script) => (pm === "npm" || pm === "bun" ? `${pm} run ${script}` : `${pm} ${script}`),
    add: (spec, dev) => `${pm} ${pm === "npm" ? "install" : "add"}${dev ? (pm === "bun" ? " -d" : " -D") : ""} ${spec}`,
  };
}

/**
 * Settings files a manager needs for these apps to install and run, written beside package.json:
 * - pnpm 11+ fails an install whose dependencies have unapproved build scripts (esbuild,
 *   protobufjs); none is needed here (esbuild ships its binary as an optional dependency).
 * - yarn 2+ would use Plug'n'Play; tsx, Next.js and vitest run as they do with npm on
 *   node_modules. Yarn 1 ignores `.yarnrc.yml`, and is told by `.yarnrc` not to fail on an
 *   `engines` range of a nested dependency (npm, pnpm and yarn 2+ only warn).
 */
export function packageManagerFiles(pm: PackageManager): { path: string; contents: string }[] {
  if (pm === "pnpm") {
    return [
      {
        path: "pnpm-workspace.yaml",
        contents:
          "# pnpm skips dependencies' install scripts unless they are approved (pnpm approve-builds);\n" +
          "# this app needs none of them, so an unapproved one is not an error.\nstrictDepBuilds: false\n",
      },
    ];
  }
  if (pm === "yarn") {
    return [
      {
        path: ".yarnrc.yml",
        contents: "# Yarn 2+: install into node_modules, as npm does.\nnodeLinker: node-modules\n",
      },
      {
        path: ".yarnrc",
        contents:
          "# Yarn 1: warn (as npm does) rather than fail on a nested dependency's engines range.\nignore-engines true\n",
      },
    ];
  }
  return [];
}

/**
 * How to install after package.json changed. With CI set, pnpm and Yarn 2+ refuse to change the
 * lockfile; the install here exists to bring it up to date with the dependencies just added.
 */
export function installInvocation(pm: PackageManager): { args: string[]; env: Record<string, string> } {
  if (pm === "pnpm") return { args: ["install", "--no-frozen-lockfile"], env: {} };
  if (pm === "yarn") return { args: ["install"], env: { YARN_ENABLE_IMMUTABLE_INSTALLS: "false" } };
  return { args: ["install"], env: {} };
}

const LOCKFILES: readonly [file: string, pm: PackageManager][] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"],
];

/** The manager of an existing project, from the lockfile among its file names (for add-mode). */
export function packageManagerFromLockfile(fileNames: readonly string[]): PackageManager | undefined {
  return LOCKFILES.find(([file]) => fileNames.includes(file))?.[1];
}

/** Lines the app's .gitignore needs for a manager's own state (yarn 2+ keeps it in .yarn/). */
export function gitignoreLines(pm: PackageManager): string[] {
  return pm === "yarn"
    ? [
        "",
        "# yarn 2+ (its install state; keep plugins and releases if you add them)",
        ".yarn/*",
        "!.yarn/plugins",
        "!.yarn/releases",
        ".pnp.*",
      ]
    : [];
}
