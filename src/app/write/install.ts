import { existsSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { CliError } from "../../support/errors.js";
import { installDependencies } from "../../support/install.js";
import { readableRange } from "../plan/dependencies.js";
import type { Project } from "../detect/project.js";
import { installedVersion } from "../detect/lockfile.js";

/** Exit code when the files were written but the install after them failed. */
export const EXIT_INSTALL_FAILED = 3;

/**
 * Installs what a written plan added, from where the app installs (its workspace root). When the
 * install fails, `summary` still prints (the manual steps and notes), then one line with the
 * command to run, exit 3.
 */
export async function installWritten(
  project: Pick<Project, "installDir" | "packageManager">,
  cwd: string,
  summary: () => void,
): Promise<void> {
  await installDependencies(
    project.installDir,
    project.packageManager,
    path.relative(cwd, project.installDir) || ".",
    (reason, command) => {
      summary();
      return new CliError(
        `Installing dependencies failed (${reason}); every file is written: run "${command}" to install them (or run the same command again, which installs what package.json lists and node_modules lacks or holds outside its range).`,
        "install-failed",
        { exitCode: EXIT_INSTALL_FAILED },
      );
    },
  );
}

/**
 * The packages package.json lists that no node_modules the app resolves from (its own, its
 * workspace root's) holds in a version its range allows: what an earlier run planned and did not
 * install. None under Yarn Plug'n'Play, which has no node_modules.
 */
export function notInstalled(project: Pick<Project, "dir" | "installDir" | "manifest">): string[] {
  if ([".pnp.cjs", ".pnp.js"].some((file) => existsSync(path.join(project.installDir, file)))) return [];
  const { dependencies = {}, devDependencies = {} } = project.manifest as Record<string, Record<string, unknown>>;
  return Object.entries({ ...dependencies, ...devDependencies })
    .filter(([name, declared]) => {
      const installed = installedVersion(name, [project.dir, project.installDir]);
      if (installed === undefined) return true;
      const range = typeof declared === "string" ? readableRange(name, declared) : undefined;
      return range !== undefined && semver.valid(installed) !== null && !semver.satisfies(installed, range);
    })
    .map(([name]) => name);
}
