import type { Editor } from "./change-set.js";
import type { Project } from "../detect/project.js";
import { findTestSetup, withInngestTestSettings } from "../edits/vitest-config.js";

// Where the generated Inngest tests run: in the app's own vitest settings (extended, never shadowed
// by a new vitest.config.ts, which vitest would prefer), else in the starter's vitest.config.ts;
// an app whose `test` script runs another runner (jest, mocha, node --test) keeps it, and the
// Inngest tests get a script of their own.

/** The script the Inngest tests get in an app whose `test` script runs another test runner. */
export const INNGEST_TEST_SCRIPT = "test:inngest";

/** What npm init writes as `test`: no runner at all. */
const NO_TEST_SPECIFIED = /no test specified/;

export type TestRunner = "none" | "vitest" | "other";

export function testRunnerOf(scripts: Record<string, string>): TestRunner {
  const test = scripts.test;
  if (test === undefined || NO_TEST_SPECIFIED.test(test)) return "none";
  return test.includes("vitest") ? "vitest" : "other";
}

/** The vitest settings the Inngest tests run with: dev mode (INNGEST_DEV=1), and their folder included. */
export function addVitestSettings(
  project: Pick<Project, "manifest">,
  editor: Editor,
  starterConfig: string,
  inngestDir: string,
): void {
  const deps = { ...project.manifest.dependencies, ...project.manifest.devDependencies } as Record<string, string>;
  const setup = findTestSetup(editor.read, "vitest" in deps);
  const glob = `${inngestDir}/**/*.test.ts`;
  if (setup.kind === "none") {
    const otherRunner = testRunnerOf(project.manifest.scripts ?? {}) === "other";
    // Beside another runner, vitest runs the Inngest tests only (not the app's own, written for that runner).
    editor.put(
      "vitest.config.ts",
      otherRunner ? starterConfig.replace(/(\n([ \t]*)env: [^\n]*\n)/, `$1$2include: ["${glob}"],\n`) : starterConfig,
    );
    return;
  }
  const { file } = setup;
  if (setup.kind === "projects") {
    editor.plan.notes.push(
      `${file} defines vitest projects, left as they are: give the Inngest tests one, e.g. { test: { name: "inngest", include: ["${glob}"], env: { INNGEST_DEV: "1" } } }.`,
    );
    return;
  }
  const edit = withInngestTestSettings(editor.read(file)!, file, `${inngestDir}/functions/example.test.ts`, glob);
  if (edit.kind === "edit") editor.put(file, edit.after);
  else if (edit.kind === "manual")
    editor.plan.notes.push(
      `${file} holds the app's vitest settings and was left as it is (${edit.reason}): add test: { env: { INNGEST_DEV: "1" } } to them so the Inngest tests can call the endpoint.`,
    );
}

/**
 * The `test` script (when the app has no runner) or the Inngest tests' own script (beside another
 * runner), and the summary's word on it.
 */
export function testScripts(
  scripts: Record<string, string>,
  inngestDir: string,
  notes: string[],
): Record<string, string> {
  const runner = testRunnerOf(scripts);
  if (runner === "none") return { test: "vitest run" };
  if (runner === "vitest" || scripts[INNGEST_TEST_SCRIPT] !== undefined) return {};
  notes.push(
    `Your "test" script (${scripts.test}) is kept as it is: the Inngest tests run with vitest, in "${INNGEST_TEST_SCRIPT}" (vitest run ${inngestDir}).`,
  );
  return { [INNGEST_TEST_SCRIPT]: `vitest run ${inngestDir}` };
}
