import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appFiles, changedSince } from "../../src/app/detect/app-files.js";
import { editManifest, parseManifest } from "../../src/app/edits/manifest.js";
import { LOCK_FILE, withAppLock } from "../../src/app/write/lock.js";
import { writeAll } from "../../src/app/write/write.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "cia-files-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("appFiles", () => {
  it("reads each file once: later reads return the first text, even after the disk changed", () => {
    writeFileSync(path.join(dir, "a.ts"), "one\n");
    const files = appFiles(dir);
    expect(files.read("a.ts")).toBe("one\n");
    writeFileSync(path.join(dir, "a.ts"), "two\n");
    expect(files.read("a.ts")).toBe("one\n");
    expect(files.read("missing.ts")).toBeNull();
    expect([...files.seen.keys()]).toEqual(["a.ts", "missing.ts"]);
  });

  it("names the file whose disk text is no longer what was read: changed, created or removed", () => {
    writeFileSync(path.join(dir, "a.ts"), "one\n");
    writeFileSync(path.join(dir, "b.ts"), "b\n");
    const files = appFiles(dir);
    files.read("a.ts");
    files.read("b.ts");
    files.read("c.ts");
    expect(changedSince(dir, files.seen)).toBeUndefined();
    writeFileSync(path.join(dir, "a.ts"), "one\n"); // saved again, same bytes
    expect(changedSince(dir, files.seen)).toBeUndefined();
    writeFileSync(path.join(dir, "c.ts"), "new\n");
    expect(changedSince(dir, files.seen)).toBe("c.ts");
    rmSync(path.join(dir, "c.ts"));
    rmSync(path.join(dir, "b.ts"));
    expect(changedSince(dir, files.seen)).toBe("b.ts");
  });
});

describe("writeAll's check", () => {
  it("refuses in one line, writing nothing, when a file the plan read changed meanwhile", () => {
    writeFileSync(path.join(dir, "index.ts"), "export const functions = [a];\n");
    const files = appFiles(dir);
    const before = files.read("index.ts")!;
    writeFileSync(path.join(dir, "index.ts"), "export const functions = [a, b];\n"); // another run's write
    expect(() =>
      writeAll(
        dir,
        [
          { path: "index.ts", before, after: "export const functions = [a, c];\n" },
          { path: "src/c.ts", before: null, after: "c\n" },
        ],
        files.seen,
      ),
    ).toThrow(/^index\.ts changed while planning: run again\. Nothing was changed\.$/);
    expect(readFileSync(path.join(dir, "index.ts"), "utf8")).toBe("export const functions = [a, b];\n");
    expect(readdirSync(dir).sort()).toEqual(["index.ts"]);
  });

  it("writes when nothing changed, keeping a changed file's mode, and leaves no lock or temporary file", () => {
    writeFileSync(path.join(dir, "run.sh"), "echo one\n", { mode: 0o755 });
    const files = appFiles(dir);
    const before = files.read("run.sh")!;
    writeAll(
      dir,
      [
        { path: "run.sh", before, after: "echo two\n" },
        { path: "src/inngest/client.ts", before: null, after: "client\n" },
      ],
      files.seen,
    );
    expect(readFileSync(path.join(dir, "run.sh"), "utf8")).toBe("echo two\n");
    expect(readdirSync(dir).sort()).toEqual(["run.sh", "src"]);
    expect(readdirSync(path.join(dir, "src/inngest"))).toEqual(["client.ts"]);
    expect(readFileSync(path.join(dir, "src/inngest/client.ts"), "utf8")).toBe("client\n");
    expect(statSync(path.join(dir, "run.sh")).mode & 0o777).toBe(0o755);
  });
});

describe("withAppLock", () => {
  it("takes over a lock whose process is gone, and removes its own after", () => {
    // A pid that is not running: the highest possible is far above any live one here.
    writeFileSync(path.join(dir, LOCK_FILE), "4194000\n");
    expect(withAppLock(dir, () => readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toBe(`${process.pid}\n`);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("takes over a lock older than a minute, even of a live process", () => {
    writeFileSync(path.join(dir, LOCK_FILE), `${process.ppid}\n`);
    const old = new Date(Date.now() - 120_000);
    utimesSync(path.join(dir, LOCK_FILE), old, old);
    expect(withAppLock(dir, () => "ran")).toBe("ran");
  });

  it("removes its lock when the work inside it fails", () => {
    expect(() =>
      withAppLock(dir, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});

describe("a package.json with a byte-order mark", () => {
  const text = '\uFEFF{\n\t"name": "app",\n\t"dependencies": {\n\t\t"hono": "^4.6.0"\n\t}\n}\n';

  it("is read, and written back with its mark and its tabs", () => {
    const manifest = parseManifest(text);
    expect(manifest.name).toBe("app");
    const after = editManifest({ manifestText: text, manifest }, { inngest: "4.24.0" }, {}, {});
    expect(after).toBe(
      '\uFEFF{\n\t"name": "app",\n\t"dependencies": {\n\t\t"hono": "^4.6.0",\n\t\t"inngest": "4.24.0"\n\t}\n}\n',
    );
  });

  it("without one, is written back without one", () => {
    const plain = text.slice(1);
    const after = editManifest({ manifestText: plain, manifest: parseManifest(plain) }, { inngest: "4.24.0" }, {}, {});
    expect(after.startsWith("{")).toBe(true);
  });
});
