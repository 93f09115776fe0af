import { accessSync, constants, existsSync, mkdirSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CliError } from "../support/errors.js";
import type { FileChange } from "./change-set.js";

/**
 * Writes every change or none: files that cannot be written are found before anything is touched,
 * and if a write still fails, the files already written get their old contents back.
 */
export function writeAll(dir: string, changes: readonly FileChange[]): void {
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
  const done: { change: FileChange; createdDirs: string[] }[] = [];
  try {
    for (const change of changes) {
      const file = path.join(dir, change.path);
      const createdDirs: string[] = [];
      for (let parent = path.dirname(file); !existsSync(parent); parent = path.dirname(parent))
        createdDirs.unshift(parent);
      mkdirSync(path.dirname(file), { recursive: true });
      done.push({ change, createdDirs });
      writeFileSync(file, change.after);
    }
  } catch (error) {
    for (const { change, createdDirs } of done.reverse()) {
      const file = path.join(dir, change.path);
      if (change.before === null) rmSync(file, { force: true });
      else writeFileSync(file, change.before);
      for (const created of createdDirs.reverse()) {
        try {
          rmdirSync(created);
        } catch {
          // not empty: another restored file's directory
        }
      }
    }
    throw new CliError(
      `Writing failed (${(error as Error).message.split("\n")[0]}): every file was restored, nothing was changed.`,
      "write-failed",
    );
  }
}
