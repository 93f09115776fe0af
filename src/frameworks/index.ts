import { express } from "./express.js";
import type { Framework } from "./framework.js";
import { hono } from "./hono.js";
import { next } from "./next.js";

export type { Framework, ImportExtension } from "./framework.js";

/** The registry: help, flag checks, prompts, errors and `--add`'s detection all read it. */
export const frameworks: readonly Framework[] = [next, express, hono];

export const frameworkIds: readonly string[] = frameworks.map((framework) => framework.id);

export function findFramework(id: string): Framework | undefined {
  return frameworks.find((framework) => framework.id === id);
}

/** "Next.js (App Router), Express 5 and Hono (Node.js)". */
export function frameworkLabels(conjunction = "and"): string {
  const labels = frameworks.map((framework) => framework.label);
  return labels.length < 2 ? labels.join("") : `${labels.slice(0, -1).join(", ")} ${conjunction} ${labels.at(-1)}`;
}
