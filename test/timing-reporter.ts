import { readFileSync, writeFileSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

const SHOWN = 15;
const DURATIONS = new URL("./durations.json", import.meta.url);

/**
 * Prints the slowest test files at the end of a run, each with the seconds of its tests and hooks
 * (its beforeAll installs included). With CIA_WRITE_DURATIONS=1 it also writes them to
 * test/durations.json, which test/sequencer.ts orders the files by (files the run did not hold keep theirs).
 */
export default class TimingReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const files = modules
      .map((module) => ({ name: module.relativeModuleId, seconds: module.diagnostic().duration / 1000 }))
      .sort((a, b) => b.seconds - a.seconds);
    if (files.length === 0) return;
    const shown = files.slice(0, SHOWN);
    const width = Math.max(...shown.map((file) => file.name.length));
    const lines = shown.map((file) => `  ${file.name.padEnd(width)}  ${file.seconds.toFixed(1).padStart(6)} s`);
    console.log(`\nThe ${shown.length} slowest test files (their tests and hooks):\n${lines.join("\n")}`);
    if (process.env.CIA_WRITE_DURATIONS !== "1") return;
    const durations: Record<string, number> = JSON.parse(readFileSync(DURATIONS, "utf8"));
    for (const file of files) durations[file.name] = Math.round(file.seconds);
    const sorted = Object.entries(durations).sort(([, a], [, b]) => b - a);
    writeFileSync(DURATIONS, `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`);
  }
}
