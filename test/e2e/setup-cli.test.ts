import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPath, hasStackTrace, makeTempDir, runCli } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { copyFixture } from "../helpers/fixtures.js";
import { run } from "../helpers/process.js";
import { snapshot } from "../helpers/snapshot.js";

// Failures of the disk and of the files the user has: each ends in one line, the tree as it was.

/** The CLI in a shell whose file-size limit is `blocks` of 512 bytes: a longer file fails with EFBIG. */
function runLimited(args: string[], cwd: string, blocks: number) {
  const quoted = args.map((arg) => JSON.stringify(arg)).join(" ");
  return run("sh", ["-c", `ulimit -f ${blocks} && exec node ${JSON.stringify(cliPath)} ${quoted}`], {
    cwd,
    env: userEnv({ NO_COLOR: "1" }),
    timeout: 60_000,
  });
}

/** A tmpfs of `size` mounted at `dir` when this runs as root (a real full disk), else undefined. */
async function smallDisk(dir: string, size: string): Promise<(() => Promise<void>) | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  mkdirSync(dir, { recursive: true });
  const mounted = await run("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], {});
  if (mounted.exitCode !== 0) return undefined;
  return async () => {
    await run("umount", [dir], {});
  };
}

describe("a full disk", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir("cia-disk-");
  });
  afterAll(async () => {
    await temp?.remove();
  });

  it("during --add (a 48 KiB tmpfs): one line saying to free space, the app as it was", async (context) => {
    const disk = path.join(temp.dir, "disk");
    const unmount = await smallDisk(disk, "48k");
    if (!unmount) return context.skip("needs root to mount a tmpfs");
    try {
      const dir = copyFixture("express-split", path.join(disk, "app"));
      const before = snapshot(dir);
      const result = await runCli(["--add", "event-basic", "--no-install", "--yes"], { cwd: dir });
      expect(result.exitCode, result.output).toBe(1);
      expect(result.output).toMatch(
        /^✖ The disk is full \(ENOSPC\) writing \S+: nothing was changed\. Free some space and run again\.$/m,
      );
      expect(hasStackTrace(result.output)).toBe(false);
      expect(snapshot(dir)).toEqual(before);
    } finally {
      await unmount();
    }
  });

  it("during create (a 48 KiB tmpfs): one line, no project and no staging folder left", async (context) => {
    const disk = path.join(temp.dir, "disk2");
    const unmount = await smallDisk(disk, "48k");
    if (!unmount) return context.skip("needs root to mount a tmpfs");
    try {
      const result = await runCli(
        ["app", "--framework", "hono", "--features", "event-basic", "--no-install", "--no-git"],
        {
          cwd: disk,
        },
      );
      expect(result.exitCode, result.output).toBe(1);
      expect(result.output).toMatch(
        /^✖ The disk is full \(ENOSPC\) writing \S+: nothing was written\. Free some space and run again\.$/m,
      );
      expect(snapshot(disk)).toEqual({});
    } finally {
      await unmount();
    }
  });

  it("as a file-size limit (EFBIG) during --add and create: the same one line, nothing left", async () => {
    const dir = copyFixture("express-split", path.join(temp.dir, "limited"));
    const before = snapshot(dir);
    // 8 blocks: 4 KiB; AGENTS.md and testing.ts are longer.
    const added = await runLimited(["--add", "event-basic", "--no-install", "--yes"], dir, 8);
    expect(added.exitCode, added.output).toBe(1);
    expect(added.output).toMatch(
      /^✖ A file is larger than this process may write \(EFBIG\) writing \S+: nothing was changed\. Free some space and run again\.$/m,
    );
    expect(snapshot(dir)).toEqual(before);

    const parent = path.join(temp.dir, "create-limited");
    mkdirSync(parent);
    const created = await runLimited(["app", "--framework", "hono", "--no-install", "--no-git", "--yes"], parent, 8);
    expect(created.exitCode, created.output).toBe(1);
    expect(created.output).toMatch(/\(EFBIG\) writing \S+: nothing was written\. Free some space and run again\.$/m);
    expect(snapshot(parent)).toEqual({});
  });
});

describe("the app's own files", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir("cia-own-");
  });
  afterAll(async () => {
    await temp?.remove();
  });

  it("a package.json with a byte-order mark is read, and keeps its mark", async () => {
    const dir = copyFixture("express-split", path.join(temp.dir, "bom"));
    const manifest = path.join(dir, "package.json");
    writeFileSync(manifest, `\uFEFF${readFileSync(manifest, "utf8")}`);
    const result = await runCli(["--add", "event-basic", "--no-install", "--yes"], { cwd: dir });
    expect(result.exitCode, result.output).toBe(0);
    const after = readFileSync(manifest, "utf8");
    expect(after.startsWith("\uFEFF{")).toBe(true);
    expect(JSON.parse(after.slice(1)).dependencies.inngest).toBeDefined();
    const again = await runCli(["--add", "event-basic", "--no-install", "--yes"], { cwd: dir });
    expect(again.output).toContain("Nothing to change");
  });

  it("--function in a JavaScript app names --function", async () => {
    const dir = path.join(temp.dir, "js-app");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "package.json"), '{ "name": "js-app", "dependencies": { "express": "^5.1.0" } }\n');
    const result = await runCli(["--function", "sync-contact", "--event", "app/contact.created", "--yes"], {
      cwd: dir,
    });
    expect(result.exitCode, result.output).toBe(1);
    expect(result.output).toContain("--function only edits TypeScript apps");
    expect(result.output).not.toContain("--add");
  });
});
