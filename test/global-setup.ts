import { spawn } from "node:child_process";
import { mkdtempSync, renameSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * The run's cache of installed node_modules (test/helpers/install-cache.ts): made here and removed
 * at the end, so every run installs each distinct dependency set for real once. Deleting its trees
 * takes a minute or more on a loaded machine, so the end of the run renames the cache out of the
 * way and leaves the deletion to a detached `rm -rf`.
 */
export default function setup(project: TestProject): () => void {
  const installCache = mkdtempSync(path.join(os.tmpdir(), "cia-installs-"));
  project.provide("installCache", installCache);
  return () => {
    const removed = `${installCache}.removed`;
    renameSync(installCache, removed);
    spawn("rm", ["-rf", removed], { detached: true, stdio: "ignore" }).unref();
  };
}
