import { express } from "./express.js";
import type { Framework } from "./framework.js";
import { hono } from "./hono.js";
import { next } from "./next.js";

export type { Framework } from "./framework.js";

export const frameworks: readonly Framework[] = [next, express, hono];

export function findFramework(id: string): Framework | undefined {
  return frameworks.find((framework) => framework.id === id);
}
