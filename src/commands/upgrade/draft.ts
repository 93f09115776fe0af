import type { ManualStep } from "../../app/plan/change-set.js";
import type { Splice } from "./splice.js";

/** A function whose triggers moved into its options. */
export interface MovedFunction {
  id: string;
  file: string;
  line: number;
}

/** What the transforms have found so far: the edits of each file, and what is left to the user. */
export interface UpgradeDraft {
  splices: Map<string, Splice[]>;
  moved: MovedFunction[];
  manual: ManualStep[];
  notes: string[];
}

export function newDraft(): UpgradeDraft {
  return { splices: new Map(), moved: [], manual: [], notes: [] };
}

export function addSplice(draft: UpgradeDraft, file: string, splice: Splice): void {
  const list = draft.splices.get(file) ?? [];
  list.push(splice);
  draft.splices.set(file, list);
}
