// What the dependency reconciliation raises in package.json, and the note that names it.

/** One range a package must satisfy, and who asks for it. */
export interface Need {
  name: string;
  range: string;
  by: string;
  /** The generated code is written for this package's pinned major (inngest, @inngest/test...). */
  api?: boolean;
}

export interface Raise {
  name: string;
  section: "dependencies" | "devDependencies";
  from: string;
  to: string;
  need: Need;
}

/** `package.json: raised zod ^3.22.4 -> ^3.25.76: inngest 4.24.0 needs ^3.25.0 || ^4.0.0.` */
export function raisedNote(raise: Raise): string {
  return `package.json: raised ${raise.name} ${raise.from} -> ${raise.to}: ${raise.need.by} needs ${raise.need.range}.`;
}
