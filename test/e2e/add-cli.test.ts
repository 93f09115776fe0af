import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitAll } from "../helpers/add.js";
import { cliPath, hasStackTrace, makeTempDir, runCli } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { copyFixture, fixturesDir } from "../helpers/fixtures.js";
import { run, runOrThrow } from "../helpers/process.js";
import { changedFiles, snapshot, sourceOnly } from "../helpers/snapshot.js";
import { Terminal } from "../helpers/terminal.js";

/** `--add` on copies of the fixtures, without installs: what it refuses, and what it writes. */
describe("create-inngest-app --add", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dir: string;
  const copy = (fixture: string) => copyFixture(fixture, dir);
  const add = (...args: string[]) => runCli(["--add", ...args, "--no-install"], { cwd: dir });
  const file = (name: string) => readFileSync(path.join(dir, name), "utf8");

  beforeEach(async () => {
    temp = await makeTempDir("cia-add-cli-");
    dir = path.join(temp.dir, "app");
  });
  afterEach(async () => {
    chmodSync(dir, 0o755);
    await temp.remove();
  });

  it("--dry-run prints a unified diff of every file and writes nothing", async () => {
    copy("express-tutorial");
    const before = snapshot(dir, sourceOnly);
    const result = await add("event-basic", "--dry-run");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("--- a/src/index.ts\n+++ b/src/index.ts");
    expect(result.output).toContain("--- /dev/null\n+++ b/src/inngest/client.ts");
    expect(result.output).toContain(`+app.use('/api/inngest', serve({ client: inngest, functions }))`);
    expect(result.output).toContain('+    "inngest": "4.24.0"');
    expect(result.output).toContain('+    "dev": "tsx watch --env-file=.env.development src/index.ts",');
    expect(snapshot(dir, sourceOnly)).toEqual(before);
  });

  it("--dry-run on a Vite-built Worker shows dev mode going into .dev.vars, which the plugin reads", async () => {
    copy("hono-workers-vite");
    const before = snapshot(dir, sourceOnly);
    const result = await add("event-basic", "--dry-run");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("--- /dev/null\n+++ b/.dev.vars\n");
    expect(result.output).toMatch(/^\+INNGEST_DEV=1$/m);
    expect(result.output).not.toContain("+++ b/.env.development");
    expect(result.output).toContain('+  "compatibility_flags": ["nodejs_compat"],');
    expect(snapshot(dir, sourceOnly)).toEqual(before);
  });

  it("refuses in one line an Express app written with require(), and writes nothing", async () => {
    copy("express-tutorial");
    writeFileSync(
      path.join(dir, "src/index.ts"),
      `const express = require("express");\n\nconst app = express();\napp.get("/", (_req: unknown, res: any) => res.send("hi"));\napp.listen(3000);\n`,
    );
    const before = snapshot(dir, sourceOnly);
    const result = await add("event-basic");
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("src/index.ts loads express with require(): --add edits apps written with import");
    expect(hasStackTrace(result.output)).toBe(false);
    expect(snapshot(dir, sourceOnly)).toEqual(before);
  });

  it("keeps the user's formatting and comments: the old file is the new one minus the inserted lines", async () => {
    copy("express-tutorial");
    const original = file("src/index.ts");
    const result = await add("event-basic");
    expect(result.exitCode, result.output).toBe(0);
    const edited = file("src/index.ts");
    const inserted = [
      `import { serve } from 'inngest/express'`,
      `import { inngest } from './inngest/client.js'`,
      `import { functions } from './inngest/functions/index.js'`,
      "",
      "// Inngest: the serve endpoint.",
      `app.use('/api/inngest', (req, res, next) => (/^(GET|PUT|POST)$/.test(req.method) ? next() : res.sendStatus(405)))`,
      `app.use('/api/inngest', serve({ client: inngest, functions }))`,
    ];
    const kept = edited.split("\n").filter((line) => !inserted.includes(line));
    // Every original line is still there, in order, byte for byte.
    const originalLines = original.split("\n").filter((line) => line !== "");
    expect(kept.filter((line) => line !== "")).toEqual(originalLines);
    // The mount goes after the app's own JSON body parser, so Inngest's requests are parsed.
    expect(edited.indexOf("app.use('/api/inngest'")).toBeGreaterThan(edited.indexOf("app.use(express.json())"));
  });

  it("refuses a malformed package.json, naming it, and writes nothing", async () => {
    copy("hono-node");
    writeFileSync(path.join(dir, "package.json"), '{ "name": "broken", ');
    const before = snapshot(dir, sourceOnly);
    const result = await add("event-basic");
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.output).toContain("package.json is not valid JSON");
    expect(hasStackTrace(result.output)).toBe(false);
    expect(snapshot(dir, sourceOnly)).toEqual(before);
  });

  it("refuses a source file that does not parse, naming it, and writes nothing", async () => {
    copy("express-split");
    writeFileSync(path.join(dir, "src/app.ts"), `${file("src/app.ts")}\napp.get("/x", (req, res) => {\n`);
    const before = snapshot(dir, sourceOnly);
    const result = await add("event-basic");
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/src\/app\.ts does not parse \(line \d+, column \d+\)/);
    expect(snapshot(dir, sourceOnly)).toEqual(before);
  });

  it("says in one line that a JavaScript project or an unknown framework is not supported", async () => {
    copy("hono-node");
    const manifest = JSON.parse(file("package.json"));
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ ...manifest, dependencies: { fastify: "5.0.0" } }, null, 2),
    );
    let result = await add("event-basic");
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("No supported framework");

    copy("hono-node");
    const { rmSync } = await import("node:fs");
    rmSync(path.join(dir, "tsconfig.json"));
    const before = snapshot(dir, sourceOnly);
    result = await add("event-basic");
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("JavaScript");
    expect(snapshot(dir, sourceOnly)).toEqual(before);
  });

  it("refuses in one line an Express older than 4.16 (no express.json), and writes nothing", async () => {
    copy("express-tutorial");
    const manifest = JSON.parse(file("package.json"));
    manifest.dependencies.express = "4.15.4";
    writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
    const before = snapshot(dir, sourceOnly);
    const result = await add("event-basic");
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.output).toContain("This app runs Express 4.15.4, which has no express.json");
    expect(hasStackTrace(result.output)).toBe(false);
    expect(snapshot(dir, sourceOnly)).toEqual(before);
  });

  it("does not ask for express.json where there is nothing to mount: an old Express app that serves Inngest already", async () => {
    copy("express-tutorial");
    expect((await add("event-basic", "--yes")).exitCode).toBe(0);
    const manifest = JSON.parse(file("package.json"));
    manifest.dependencies.express = "4.15.4";
    writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
    const more = await add("cron", "--yes");
    expect(more.exitCode, more.output).toBe(0);
    expect(file("src/inngest/functions/index.ts")).toContain("cron");
    const generated = await runCli(["--function", "nightly-report", "--cron", "0 3 * * *", "--no-install", "--yes"], {
      cwd: dir,
    });
    expect(generated.exitCode, generated.output).toBe(0);
  });

  it("stops on uncommitted changes without a terminal, and goes on with --yes", async () => {
    copy("hono-node");
    await commitAll(dir);
    writeFileSync(path.join(dir, "NOTES.md"), "work in progress\n");
    const before = snapshot(dir, sourceOnly);
    const refused = await add("event-basic");
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain("Uncommitted changes");
    expect(snapshot(dir, sourceOnly)).toEqual(before);

    const forced = await add("event-basic", "--yes");
    expect(forced.exitCode, forced.output).toBe(0);
    expect(forced.output).toContain("uncommitted changes");
  });

  it("in a terminal, asks before going on with uncommitted changes; no means nothing written", async () => {
    copy("hono-node");
    await commitAll(dir);
    writeFileSync(path.join(dir, "NOTES.md"), "work in progress\n");
    const before = snapshot(dir, sourceOnly);
    const terminal = new Terminal();
    try {
      await terminal.start(`node ${JSON.stringify(cliPath)} --add event-basic --no-install`, dir);
      await terminal.waitFor("Go on anyway?");
      await terminal.send("n");
      await terminal.send("Enter");
      expect(await terminal.exitCode()).toBe(130);
      expect(snapshot(dir, sourceOnly)).toEqual(before);

      await terminal.close();
      const again = new Terminal();
      try {
        await again.start(`node ${JSON.stringify(cliPath)} --add event-basic --no-install`, dir);
        await again.waitFor("Go on anyway?");
        await again.send("y");
        await again.send("Enter");
        expect(await again.exitCode()).toBe(0);
      } finally {
        await again.close();
      }
      expect(changedFiles(before, snapshot(dir, sourceOnly))).toContain("src/inngest/client.ts");
    } finally {
      await terminal.close();
    }
  }, 60_000);

  it("names a read-only file and changes nothing", async () => {
    copy("hono-node");
    // Root may write to read-only files, so the app belongs to `nobody`, who runs the CLI.
    chmodSync(temp.dir, 0o755);
    await runOrThrow("chown", ["-R", "65534:65534", dir]);
    chmodSync(path.join(dir, "src/index.ts"), 0o444);
    const before = snapshot(dir, sourceOnly);
    const result = await run(
      "setpriv",
      [
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        process.execPath,
        cliPath,
        "--add",
        "event-basic",
        "--no-install",
      ],
      { cwd: dir, env: userEnv({ HOME: os.tmpdir(), NO_COLOR: "1" }) },
    );
    expect(result.exitCode, result.output).toBe(1);
    expect(result.output).toContain("src/index.ts is not writable: nothing was changed");
    expect(hasStackTrace(result.output)).toBe(false);
    expect(snapshot(dir, sourceOnly)).toEqual(before);
  });

  it("without a safe insertion point, leaves that file alone, prints the lines to add and exits 2", async () => {
    copy("hono-node");
    // The app is exported straight from `new Hono()`: no variable to mount on.
    writeFileSync(
      path.join(dir, "src/index.ts"),
      `import { Hono } from "hono";\n\nexport default new Hono().get("/", (c) => c.text("hi"));\n`,
    );
    const before = snapshot(dir, sourceOnly);
    const result = await add("event-basic");
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain("src/index.ts: the app is not assigned to a variable");
    expect(result.output).toContain(
      `app.on(["GET", "PUT", "POST"], "/api/inngest", serve({ client: inngest, functions }));`,
    );
    const changed = changedFiles(before, snapshot(dir, sourceOnly));
    expect(changed).not.toContain("src/index.ts");
    expect(changed).toContain("src/inngest/client.ts");
  });

  it("registers new functions in the serve call's own array, in its layout", async () => {
    copy("express-split");
    writeFileSync(
      path.join(dir, "src/inngest.ts"),
      [
        'import { Inngest } from "inngest";',
        'import { serve } from "inngest/express";',
        "",
        'export const client = new Inngest({ id: "users" });',
        "",
        "// registered by hand",
        "export const handler = serve({",
        "  client,",
        "  functions: [",
        "    // none yet",
        "  ],",
        "});",
        "",
      ].join("\n"),
    );
    const result = await add("event-basic,cron", "--yes");
    expect(result.exitCode, result.output).toBe(0);
    const edited = file("src/inngest.ts");
    expect(edited).toContain('import { helloWorld } from "./inngest/functions/event-basic-hello-world.js";');
    expect(edited).toContain("// registered by hand");
    expect(edited).toMatch(/functions: \[helloWorld, weekdayDigest\n {4}\/\/ none yet/);
    expect(file("src/inngest/functions/event-basic-hello-world.ts")).toContain(
      'import { client as inngest } from "../../inngest.js";',
    );
    expect(file("src/inngest/testing.ts")).toContain('import { client as inngest } from "../inngest.js";');
    expect(file("src/app.ts")).toBe(readFileSync(path.join(fixturesDir, "express-split/src/app.ts"), "utf8"));
  });

  it("rejects an unknown feature before reading anything", async () => {
    copy("hono-node");
    const result = await add("event-basik");
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('Unknown feature "event-basik"');
  });
});
