import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { olderThan } from "../../src/app/detect/framework-version.js";

describe("olderThan: is the framework an app runs older than the version --add needs?", () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), "cia-framework-version-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const emptyDir = path.join(temp, "empty");
  mkdirSync(emptyDir);

  it.each([
    ["4.15.4", "4.15.4"],
    ["~4.15.0", "~4.15.0"],
    ["4.15.x", "4.15.x"],
    ["^3.2.0", "^3.2.0"],
    ["=4.0.0", "=4.0.0"],
  ])("refuses %s: every version it can install predates 4.16.0", (range, shown) => {
    expect(olderThan("4.16.0", "express", range, [emptyDir])).toBe(shown);
  });

  it.each(["^4.15.0", "4.16.0", "~4.16.1", "^5.1.0", "4", ">=4.0.0", "4.x || 5.x", "latest", "*"])(
    "accepts %s: it can install 4.16.0 or later, or cannot be read as older",
    (range) => {
      expect(olderThan("4.16.0", "express", range, [emptyDir])).toBeUndefined();
    },
  );

  it("goes by the installed version when there is one, in the app or at its workspace root", () => {
    const root = path.join(temp, "workspace");
    const app = path.join(root, "apps/api");
    mkdirSync(path.join(root, "node_modules/express"), { recursive: true });
    mkdirSync(app, { recursive: true });
    writeFileSync(path.join(root, "node_modules/express/package.json"), '{ "name": "express", "version": "4.15.2" }');
    // ^4.15.0 could install 4.21, but 4.15.2 is what runs.
    expect(olderThan("4.16.0", "express", "^4.15.0", [app, root])).toBe("4.15.2");
    mkdirSync(path.join(app, "node_modules/express"), { recursive: true });
    writeFileSync(path.join(app, "node_modules/express/package.json"), '{ "name": "express", "version": "4.21.2" }');
    expect(olderThan("4.16.0", "express", "^4.15.0", [app, root])).toBeUndefined();
  });
});
