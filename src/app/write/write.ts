import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { CliError, outOfSpace } from "../../support/errors.js";
import { changedSince } from "../detect/app-files.js";
import type { FileChange } from "../plan/change-set.js";
import { withAppLock } from "./lock.js";

/**
 * Writes every change or none. Files that cannot be written are found before anything is touched;
 * under the app's lock, the files the plan read (`seen`) are checked to be what it read, so a change
 * made meanwhile (an editor, another run) is never lost; each new text is written beside its file
 * first and moved over it once all are written, so a full disk leaves the app as it was.
 */
export function writeAll(dir: string, changes: readonly FileChange[], seen?: ReadonlyMap<string, string | null>): void {
  for (const change of changes) {
    const file = path.join(dir, change.path);
    let probe = change.before === null ? path.dirname(file) : file;
    while (!existsSync(probe)) probe = path.dirname(probe);
    try {
      accessSync(probe, constants.W_OK);
    } catch {
      throw new CliError(`${path.relative(dir, probe) || "."} is not writable: nothing was changed.`, "not-writable");
    }
  }
  withAppLock(dir, () => {
    const changed = seen && changedSince(dir, seen);
    if (changed)
      throw new CliError(`${changed} changed while planning: run again. Nothing was changed.`, "app-changed");
    const { staged, createdDirs } = stage(dir, changes);
    moveIntoPlace(dir, staged, createdDirs);
  });
}

interface Staged {
  change: FileChange;
  file: string;
  temp: string;
}

/** Every new text in a file beside its target; on failure the temporary files and new folders go. */
function stage(dir: string, changes: readonly FileChange[]): { staged: Staged[]; createdDirs: string[] } {
  const staged: Staged[] = [];
  const createdDirs: string[] = [];
  let current: string | undefined;
  try {
    for (const change of changes) {
      const file = path.join(dir, change.path);
      current = file;
      const parents: string[] = [];
      for (let parent = path.dirname(file); !existsSync(parent); parent = path.dirname(parent)) parents.unshift(parent);
      mkdirSync(path.dirname(file), { recursive: true });
      createdDirs.push(...parents);
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
      staged.push({ change, file, temp });
      writeFileSync(temp, change.after);
      if (change.before !== null) chmodSync(temp, statSync(file).mode);
    }
    return { staged, createdDirs };
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    removeDirs(createdDirs);
    throw writeFailure(dir, error, current);
  }
}

function moveIntoPlace(dir: string, staged: Staged[], createdDirs: string[]): void {
  const moved: Staged[] = [];
  try {
    for (const entry of staged) {
      renameSync(entry.temp, entry.file);
      moved.push(entry);
    }
  } catch (error) {
    for (const { change, file } of moved.reverse()) {
      if (change.before === null) rmSync(file, { force: true });
      else writeFileSync(file, change.before);
    }
    for (const { temp } of staged) rmSync(temp, { force: true });
    removeDirs(createdDirs);
    throw writeFailure(dir, error, (error as NodeJS.ErrnoException).path);
  }
}

/** The folders made for new files, deepest first, where nothing else is in them. */
function removeDirs(dirs: string[]): void {
  for (const created of [...new Set(dirs)].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(created);
    } catch {
      // not empty, or not made by this write
    }
  }
}

/** One line saying what failed and what to do; a full disk (or a file-size limit) says so. */
function writeFailure(dir: string, error: unknown, file?: string): CliError {
  return (
    outOfSpace(error, file && (path.relative(dir, file) || file), "nothing was changed") ??
    new CliError(
      `Writing failed (${(error as Error).message.split("\n")[0]}): every file was restored, nothing was changed.`,
      "write-failed",
    )
  );
}
