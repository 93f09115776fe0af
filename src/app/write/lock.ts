import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { CliError } from "../../support/errors.js";

/** Held in the app's directory while one run checks the app and writes it. */
export const LOCK_FILE = ".create-inngest-app.lock";

/** A lock older than this is a run that died without removing it (a write takes milliseconds). */
const STALE_MS = 60_000;
const WAIT_MS = 15_000;

/**
 * Runs `critical` while holding the app's lock: a file created exclusively (O_EXCL), so that of two
 * runs at once (two agents, one command twice) one checks and writes while the other waits. A lock
 * left by a run that is gone (its process no longer exists, or it is old) is taken over.
 */
export function withAppLock<T>(dir: string, critical: () => T): T {
  const file = path.join(dir, LOCK_FILE);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST")
        throw new CliError(
          `${LOCK_FILE} could not be created in ${dir} (${code}): nothing was changed.`,
          code === "ENOSPC" ? "disk-full" : "not-writable",
        );
    }
    if (removeIfStale(file)) continue;
    if (Date.now() > deadline)
      throw new CliError(
        `Another run is writing to this app (${LOCK_FILE}): run again when it is done, or remove the file if no run is going. Nothing was changed.`,
        "app-locked",
      );
    sleep(25);
  }
  try {
    return critical();
  } finally {
    rmSync(file, { force: true });
  }
}

function removeIfStale(file: string): boolean {
  let pid: number;
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
    pid = Number.parseInt(readFileSync(file, "utf8"), 10);
  } catch {
    return true; // removed meanwhile: try again
  }
  // A lock just created may not hold its pid yet.
  if (Number.isNaN(pid) && Date.now() - stat.mtimeMs < 1000) return false;
  if (!Number.isNaN(pid) && alive(pid) && Date.now() - stat.mtimeMs < STALE_MS) return false;
  // The same lock file as the one judged stale (not one another run has made since).
  try {
    if (statSync(file).ino !== stat.ino) return true;
    rmSync(file, { force: true });
  } catch {
    // gone already
  }
  return true;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
