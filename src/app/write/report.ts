import { bold } from "kolorist";
import { log } from "../../support/ui.js";
import type { AddPlan } from "../plan/change-set.js";

/** Exit code when everything else was written but some lines must be added by hand. */
export const EXIT_MANUAL_STEPS = 2;

/** `--dry-run`: each change as a unified diff, then the edits left to the user. Writes nothing. */
export async function printDryRun(plan: AddPlan): Promise<void> {
  log.info(`${bold("Dry run")}: nothing is written.`);
  const { createTwoFilesPatch } = await import("diff");
  for (const change of plan.changes) {
    log.info(
      createTwoFilesPatch(
        change.before === null ? "/dev/null" : `a/${change.path}`,
        `b/${change.path}`,
        change.before ?? "",
        change.after,
      ).replace(/^=+\n/, ""),
    );
  }
  printManual(plan);
}

export function printManual(plan: AddPlan): void {
  if (plan.manual.length === 0) return;
  log.warn(`Some edits could not be made safely; these files were left as they are. Add by hand:`);
  for (const step of plan.manual) {
    log.info(`\n${bold(step.file)}: ${step.where}`);
    for (const line of step.lines) log.info(`  ${line}`);
  }
}
