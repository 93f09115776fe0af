import { readFileSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds per test file on the 2-core machine: issue 21's figures for the slowest, estimates for the
 * rest, until a full run with CIA_WRITE_DURATIONS=1 (test/timing-reporter.ts) rewrites them.
 */
const durations: Record<string, number> = JSON.parse(
  readFileSync(new URL("./durations.json", import.meta.url), "utf8"),
);
/** A file not measured yet: most new files are describeAdd or generated-app cases, which install and boot. */
const UNMEASURED_SECONDS = 60;

/**
 * The slowest files first, so that the two workers take the long ones early and end together
 * instead of one running a 4-minute file alone at the end. Sharding stays vitest's.
 */
export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (file: TestSpecification) =>
      durations[path.relative(file.project.config.root, file.moduleId).split(path.sep).join("/")] ?? UNMEASURED_SECONDS;
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}
