import { existsSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import fse from "fs-extra";
import type { Plan } from "./plan.js";

/**
 * Writes the plan into a hidden sibling directory, then moves it into place, so that the target
 * never holds half a project. On failure or interruption the sibling (and any parent directory
 * made for it) is removed.
 */
export async function writePlan(plan: Plan, emptyTarget: boolean): Promise<void> {
  const { targetDir } = plan.options;
  const parent = path.dirname(targetDir);
  const createdParent = await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(targetDir)}-`));

  const removePartial = () => {
    rmSync(staging, { recursive: true, force: true });
    if (createdParent) rmSync(createdParent, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removePartial();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    for (const file of plan.files) {
      const destination = path.join(staging, file.path);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.contents);
    }
    if (!existsSync(targetDir)) {
      await rename(staging, targetDir);
      return;
    }
    if (emptyTarget) await emptyKeepingGit(targetDir);
    for (const entry of await readdir(staging)) {
      await fse.move(path.join(staging, entry), path.join(targetDir, entry));
    }
    await rmdir(staging);
  } catch (error) {
    removePartial();
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

async function emptyKeepingGit(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (entry !== ".git") await rm(path.join(dir, entry), { recursive: true, force: true });
  }
}
