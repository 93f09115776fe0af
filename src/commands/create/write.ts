import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { outOfSpace } from "../../support/errors.js";
import type { Plan } from "./plan.js";

/** A file to write: text from the built-in starters, or bytes as a remote starter holds them. */
export interface FileToWrite {
  path: string;
  contents: string | Uint8Array;
}

/** A plan whose files may be bytes (a remote starter's images, fonts and so on). */
export type WritablePlan = Omit<Plan, "files"> & { files: FileToWrite[] };

/**
 * Writes the plan into a hidden sibling directory, then moves it into place, so that the target
 * never holds half a project; on failure the sibling (and any parent made for it) is removed.
 * It is synchronous on purpose: once the caller listens for SIGINT and SIGTERM, Node handles them
 * only between turns of the event loop, so a signal lands before the first file or after the
 * project is in place, never in between.
 */
export function writePlan(plan: WritablePlan, emptyTarget: boolean): void {
  const { targetDir } = plan.options;
  const parent = path.dirname(targetDir);
  const createdParent = mkdirSync(parent, { recursive: true });
  let staging: string | undefined;
  let current: string | undefined;
  try {
    staging = mkdtempSync(path.join(parent, `.${path.basename(targetDir)}-`));
    for (const dir of new Set(plan.files.map((file) => path.dirname(path.join(staging!, file.path))))) {
      mkdirSync(dir, { recursive: true });
    }
    for (const file of plan.files) {
      current = file.path;
      writeFileSync(path.join(staging, file.path), file.contents);
    }
    current = undefined;
    moveIntoPlace(staging, targetDir, emptyTarget);
  } catch (error) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    if (createdParent) rmSync(createdParent, { recursive: true, force: true });
    throw outOfSpace(error, current, "nothing was written") ?? error;
  }
}

function moveIntoPlace(staging: string, targetDir: string, emptyTarget: boolean): void {
  if (!existsSync(targetDir)) {
    renameSync(staging, targetDir);
    return;
  }
  if (emptyTarget) emptyKeepingGit(targetDir);
  for (const entry of readdirSync(staging)) renameSync(path.join(staging, entry), path.join(targetDir, entry));
  rmdirSync(staging);
}

function emptyKeepingGit(dir: string): void {
  for (const entry of readdirSync(dir)) {
    if (entry !== ".git") rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
}
