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
}

export function commandsFor(pm: PackageManager): PackageManagerCommands {
  return {
    install: pm === "yarn" ? "yarn" : `${pm} install`,
    run: (script) => (pm === "npm" || pm === "bun" ? `${pm} run ${script}` : `${pm} ${script}`),
  };
}
