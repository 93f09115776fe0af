import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The app's files as this run read them: a file is read from disk once, and every later read gets
 * the same text, so the plan is made over one state of the app; the write then checks that the
 * disk still holds that state (changedSince).
 */
export interface AppFiles {
  /** The file's text as first read (null when it is absent), relative to the app, forward slashes. */
  read: (file: string) => string | null;
  /** Every file read so far, with the hash of what was read (null: it was absent). */
  readonly seen: ReadonlyMap<string, string | null>;
}

export function appFiles(dir: string): AppFiles {
  const texts = new Map<string, string | null>();
  const seen = new Map<string, string | null>();
  return {
    read: (file) => {
      if (!texts.has(file)) {
        const text = readText(path.join(dir, file));
        texts.set(file, text);
        seen.set(file, hashOf(text));
      }
      return texts.get(file)!;
    },
    seen,
  };
}

/** The first file whose text on disk is no longer what was read, if any. */
export function changedSince(dir: string, seen: ReadonlyMap<string, string | null>): string | undefined {
  for (const [file, hash] of seen) if (hashOf(readText(path.join(dir, file))) !== hash) return file;
  return undefined;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return null;
    throw error;
  }
}

function hashOf(text: string | null): string | null {
  return text === null ? null : createHash("sha256").update(text).digest("hex");
}
