import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inngestAdvisory } from "../../src/app/detect/inngest-advisory.js";

describe("inngestAdvisory (CVE-2026-42047: inngest 3.22.0 to 3.53.1)", () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), "cia-advisory-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  /** An app declaring `range`, with `installed` in its node_modules (or at a workspace root above it). */
  const app = (name: string, range: string, installed?: string, atRoot = false) => {
    const root = path.join(temp, name);
    const dir = atRoot ? path.join(root, "apps/api") : root;
    mkdirSync(dir, { recursive: true });
    if (installed) {
      const modules = path.join(root, "node_modules/inngest");
      mkdirSync(modules, { recursive: true });
      writeFileSync(path.join(modules, "package.json"), JSON.stringify({ name: "inngest", version: installed }));
    }
    return { dir, root, manifest: { dependencies: { inngest: range } } };
  };

  it.each([
    ["3.40.0", "3.40.0", true],
    ["^3.22.0", "3.53.1", true],
    ["^3.40.0", "3.54.0", false],
    ["^3.40.0", "3.54.2", false],
    ["^3.0.0", "3.21.3", false],
    ["4.24.0", "4.24.0", false],
  ])("range %s, installed %s: warned %s", (range, installed, warned) => {
    const { dir, manifest } = app(`${range}-${installed}`, range, installed);
    const advisory = inngestAdvisory(dir, dir, manifest);
    expect(advisory !== undefined).toBe(warned);
    if (warned)
      expect(advisory).toMatch(
        new RegExp(`^inngest ${installed.replace(/\./g, "\\.")} is affected by CVE-2026-42047 .*3\\.54\\.0`),
      );
  });

  it("reads the lowest version the range allows when nothing is installed", () => {
    const { dir, manifest } = app("not-installed", "^3.40.0");
    expect(inngestAdvisory(dir, dir, manifest)).toContain("inngest 3.40.0 is affected");
    expect(inngestAdvisory(dir, dir, { dependencies: { inngest: "^3.54.0" } })).toBeUndefined();
  });

  it("finds the version installed at the workspace root", () => {
    const { dir, root, manifest } = app("workspace", "^3.54.0", "3.45.1", true);
    expect(inngestAdvisory(dir, root, manifest)).toContain("inngest 3.45.1 is affected");
  });

  it("says nothing for an app without inngest", () => {
    expect(inngestAdvisory(temp, temp, { dependencies: { express: "^5.0.0" } })).toBeUndefined();
  });
});
