import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

// src/app/plan/needs.json is written by `npm run peers` from the registry: it must still be what the
// registry says of each pinned package (after a bump in versions.ts, run `npm run peers`).
describe("needs.json", () => {
  it("equals what the registry says now of the pinned packages' peers and engines", async () => {
    const script = pathToFileURL(path.join(repoRoot, "scripts/peer-table.mjs")).href;
    const { buildTable } = (await import(script)) as { buildTable: () => unknown };
    const committed = JSON.parse(readFileSync(path.join(repoRoot, "src/app/plan/needs.json"), "utf8"));
    expect(committed).toEqual(buildTable());
  }, 120_000);
});
