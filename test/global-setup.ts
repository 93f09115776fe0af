import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * The run's cache of installed node_modules (test/helpers/install-cache.ts): made here, removed at
 * the end, so every run installs each distinct dependency set for real once.
 */
export default function setup(project: TestProject): () => void {
  const installCache = mkdtempSync(path.join(os.tmpdir(), "cia-installs-"));
  project.provide("installCache", installCache);
  return () => rmSync(installCache, { recursive: true, force: true });
}
