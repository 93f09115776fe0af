import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeAll } from "../../src/app/write/write.js";

describe("writeAll", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cia-write-"));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("restores every file it wrote when a later write fails, and removes the folders it made", () => {
    writeFileSync(path.join(dir, "package.json"), "{}\n");
    writeFileSync(path.join(dir, "index.ts"), "old\n");
    expect(() =>
      writeAll(dir, [
        { path: "index.ts", before: "old\n", after: "new\n" },
        { path: "src/inngest/client.ts", before: null, after: "client\n" },
        // A file where a folder should be: the write fails after the others.
        { path: "package.json/oops.ts", before: null, after: "x" },
      ]),
    ).toThrow(/every file was restored/);
    expect(readFileSync(path.join(dir, "index.ts"), "utf8")).toBe("old\n");
    expect(existsSync(path.join(dir, "src"))).toBe(false);
    expect(readFileSync(path.join(dir, "package.json"), "utf8")).toBe("{}\n");
  });
});
