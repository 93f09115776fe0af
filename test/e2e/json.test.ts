import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { Ajv } from "ajv";
import { copyFixture } from "../helpers/fixtures.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorCodes } from "../../src/support/errors.js";
import { frameworkIds, frameworks } from "../../src/frameworks/index.js";
import { features } from "../../src/features/index.js";
import { commitAll } from "../helpers/add.js";
import { userEnv } from "../helpers/env.js";
import { cliPath, makeTempDir, repoRoot, runCli } from "../helpers/cli.js";
import { snapshot } from "../helpers/snapshot.js";
import { Terminal } from "../helpers/terminal.js";

const schema = JSON.parse(readFileSync(path.join(repoRoot, "schema/output.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const quick = ["--framework", "express", "--features", "event-basic", "--no-install", "--no-git"];

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir("cia-json-");
});
afterEach(async () => {
  await temp.remove();
});

/** Runs with --json: stdout must be exactly one JSON object that the published schema accepts. */
async function runJson(args: string[], cwd = temp.dir, env?: Record<string, string>) {
  const result = await runCli([...args, "--json"], { cwd, ...(env ? { env } : {}) });
  // biome-ignore lint/suspicious/noExplicitAny: the schema has just checked its shape
  let output: any;
  try {
    output = JSON.parse(result.stdout);
  } catch {
    throw new Error(`stdout is not one JSON object:\n${result.stdout}\n--- stderr ---\n${result.stderr}`);
  }
  expect(validate(output), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return { ...result, json: output };
}

describe("--json output", () => {
  it("lists every error code the CLI can give, and nothing else", () => {
    expect(schema.definitions.failure.properties.error.properties.code.enum).toEqual([...errorCodes]);
  });

  it("lists every framework of the registry", () => {
    expect(schema.definitions.changeResult.properties.framework.enum).toEqual(
      frameworks.map((framework) => framework.id),
    );
  });

  it("--list: the frameworks and the whole catalogue", async () => {
    const { exitCode, json } = await runJson(["--list"]);
    expect(exitCode).toBe(0);
    expect(json.features.map((feature: { id: string }) => feature.id)).toEqual(features.map((feature) => feature.id));
    expect(json.frameworks.map((framework: { id: string }) => framework.id)).toEqual(
      frameworks.map((framework) => framework.id),
    );
  });

  it("--help: every flag --help prints, as data; --version: the package's version", async () => {
    const help = await runJson(["--help"]);
    expect(help.exitCode).toBe(0);
    const text = await runCli(["--help"], { cwd: temp.dir });
    const names = help.json.flags.map((flag: { name: string }) => flag.name.slice(2));
    for (const name of names) expect(text.stdout).toMatch(new RegExp(`--(\\[no-\\])?${name}\\b`));
    expect(help.json.flags).toContainEqual(
      expect.objectContaining({ name: "--framework", value: frameworkIds.join("|"), takesValue: true }),
    );
    expect(help.json.flags).toContainEqual(
      expect.objectContaining({ name: "--event", repeatable: true, generator: true }),
    );
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    const shown = await runJson(["--version"]);
    expect(shown.json).toEqual({ ok: true, command: "version", version });
    expect(help.json.version).toBe(version);
  });

  it("create: every file it names is on disk, with the functions and next steps", async () => {
    const { exitCode, json, stderr } = await runJson(["my-app", ...quick]);
    expect(exitCode, stderr).toBe(0);
    const app = path.join(temp.dir, "my-app");
    expect(json).toMatchObject({
      command: "create",
      dryRun: false,
      directory: app,
      appId: "my-app",
      framework: "express",
    });
    expect(json.files.length).toBeGreaterThan(10);
    for (const file of json.files) expect(existsSync(path.join(app, file.path)), file.path).toBe(true);
    expect(json.files.map((file: { path: string }) => file.path)).toContain("AGENTS.md");
    const helloWorld = readFileSync(path.join(app, "src/inngest/functions/event-basic-hello-world.ts"), "utf8");
    const [fn] = json.functions;
    expect(helloWorld).toContain(`id: "${fn.id}"`);
    expect(helloWorld).toContain(`export const ${fn.exportName} =`);
    expect(json.nextSteps).toEqual(["cd my-app", "npm install", "npm run dev", "npx inngest-cli@latest dev"]);
    // What the CLI prints for people went to stderr.
    expect(stderr).toContain("Created");
  });

  it("create --dry-run: the same shape, nothing written", async () => {
    const { exitCode, json } = await runJson(["my-app", ...quick, "--dry-run"]);
    expect(exitCode).toBe(0);
    expect(json.dryRun).toBe(true);
    expect(json.files.length).toBeGreaterThan(10);
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it("--features takes a group and all: the group's features, the whole catalogue", async () => {
    const flowControl = features.filter((feature) => feature.group === "Flow control").map((feature) => feature.id);
    const grouped = await runJson(["my-app", "--framework", "hono", "--features", "flow-control,cron", "--dry-run"]);
    expect(grouped.exitCode, grouped.stderr).toBe(0);
    expect(grouped.json.features).toEqual([...flowControl, "cron"]);
    const all = await runJson(["my-app", "--framework", "hono", "--features", "all,cron", "--dry-run"]);
    expect(all.exitCode, all.stderr).toBe(0);
    expect(all.json.features).toEqual(features.map((feature) => feature.id));
  });

  it("a failed install: the error as JSON, and none of the package manager's output on stdout", async () => {
    const { exitCode, json, output } = await runJson(
      ["my-app", "--framework", "hono", "--features", "event-basic", "--install", "--no-git"],
      temp.dir,
      {
        npm_config_registry: "http://127.0.0.1:9/",
        npm_config_cache: path.join(temp.dir, "empty-cache"),
        npm_config_fetch_retries: "0",
      },
    );
    expect(exitCode).toBe(1);
    expect(json.error.code).toBe("install-failed");
    // npm's own output reached the user, on stderr.
    expect(output).toMatch(/ECONNREFUSED|127\.0\.0\.1:9/);
  }, 120_000);

  // Linux: what runs in the app's directory is read from /proc.
  it.skipIf(process.platform !== "linux").each([
    { signal: "SIGINT", to: "the whole foreground group, as a terminal's Ctrl-C", group: true, exitCode: 130 },
    { signal: "SIGTERM", to: "the CLI alone, as a supervisor would", group: false, exitCode: 143 },
  ] as const)(
    "stopped by $signal during the install, sent to $to: a cancelled failure, and the install stopped too",
    async ({ signal, group, exitCode }) => {
      // A registry that accepts connections and never answers holds the install until the signal.
      let asked = false;
      const silentRegistry = net.createServer(() => {
        asked = true;
      });
      await new Promise<void>((resolve) => silentRegistry.listen(0, "127.0.0.1", resolve));
      const { port } = silentRegistry.address() as net.AddressInfo;
      const child = spawn(
        "node",
        [cliPath, "my-app", "--framework", "hono", "--features", "event-basic", "--install", "--no-git", "--json"],
        {
          cwd: temp.dir,
          env: userEnv({
            NO_COLOR: "1",
            npm_config_registry: `http://127.0.0.1:${port}/`,
            npm_config_cache: path.join(temp.dir, "empty-cache"),
          }),
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stdout = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      const closed = new Promise<number | null>((resolve) => child.once("close", resolve));
      const appDir = path.join(temp.dir, "my-app");
      try {
        await until(() => asked && runningIn(appDir).length > 0); // npm waits on the registry
        process.kill(group ? -child.pid! : child.pid!, signal);
        expect(await closed).toBe(exitCode);
        // Left running, npm would wait on the registry for minutes in a directory the user thinks done.
        await until(() => runningIn(appDir).length === 0);
        const json = JSON.parse(stdout);
        expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
        expect(json).toMatchObject({ ok: false, command: "create", error: { code: "cancelled", exitCode } });
      } finally {
        for (const pid of runningIn(appDir)) process.kill(pid, "SIGKILL");
        silentRegistry.close();
      }
    },
    120_000,
  );

  it("a missing answer: every missing flag as data", async () => {
    const { exitCode, json } = await runJson([]);
    expect(exitCode).toBe(1);
    expect(json.error.code).toBe("missing-answer");
    expect(json.error.missing).toEqual(["[dir]", `--framework <${frameworkIds.join("|")}>`, "--features <a,b>"]);
    const partial = await runJson(["app", "--features", "cron"]);
    expect(partial.json.error.missing).toEqual([`--framework <${frameworkIds.join("|")}>`]);
  });
});

describe("--json in a terminal", () => {
  it("asks nothing: the missing answers come back as data at once", async () => {
    const terminal = new Terminal();
    try {
      await terminal.start(`node ${JSON.stringify(cliPath)} --json`, temp.dir);
      const screen = await terminal.waitFor(/\[exit \d+\]/);
      expect(await terminal.exitCode()).toBe(1);
      expect(screen).toContain('"code": "missing-answer"');
      expect(screen).not.toContain("Project name:");
      expect(readdirSync(temp.dir)).toEqual([]);
    } finally {
      await terminal.close();
    }
  });
});

describe("--json with bad input: a stable code, exit 1, nothing written", () => {
  // The rows of test/e2e/cli.test.ts "Bad input".
  const cases: { args: string[]; code: string; setup?: (dir: string) => void }[] = [
    { args: ["My App", ...quick], code: "invalid-name" },
    { args: ["node_modules", ...quick], code: "invalid-name" },
    { args: ["app", "--framework", "rails", "--features", "event-basic"], code: "unknown-framework" },
    { args: ["app", "--framework", "next", "--features", "event-basic,nope"], code: "unknown-feature" },
    { args: ["app", ...quick, "--pm", "npx"], code: "unknown-package-manager" },
    { args: ["app", "--framwork", "next"], code: "unknown-flag" },
    { args: ["app", "--features"], code: "missing-flag-value" },
    { args: ["app", ...quick, "--install"], code: "conflicting-flags" },
    { args: ["--framework", "next"], code: "missing-answer" },
    { args: ["app", "--features", "event-basic"], code: "missing-answer" },
    { args: ["app", "--framework", "hono"], code: "missing-answer" },
    {
      args: ["app", ...quick],
      code: "target-is-file",
      setup: (dir) => writeFileSync(path.join(dir, "app"), "I am a file"),
    },
    {
      args: ["app", ...quick],
      code: "target-not-empty",
      setup: (dir) => {
        mkdirSync(path.join(dir, "app"));
        writeFileSync(path.join(dir, "app/keep.txt"), "mine");
      },
    },
  ];
  for (const { args, code, setup } of cases)
    it(`${code}: ${args.join(" ")}`, async () => {
      setup?.(temp.dir);
      const before = snapshot(temp.dir);
      const { exitCode, json, stderr } = await runJson(args);
      expect(exitCode).toBe(1);
      expect(json).toMatchObject({ ok: false, command: "create", error: { code, exitCode: 1 } });
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(snapshot(temp.dir)).toEqual(before);
    });
});

describe("--add --json", () => {
  const appDir = () => path.join(temp.dir, "app");
  const copy = (fixture: string) => copyFixture(fixture, appDir());
  const add = (...args: string[]) => runJson(["--add", ...args, "--no-install"], appDir());

  it("names the files created and changed, the functions and the next steps", async () => {
    copy("express-tutorial");
    await commitAll(appDir());
    const { exitCode, json, stderr } = await add("event-basic,cron");
    expect(exitCode, stderr).toBe(0);
    expect(json).toMatchObject({ command: "add", dryRun: false, directory: appDir(), framework: "express" });
    expect(json.features).toEqual(["event-basic", "cron"]);
    expect(json.files).toContainEqual({ path: "src/index.ts", action: "change" });
    expect(json.files).toContainEqual({ path: "src/inngest/client.ts", action: "create" });
    for (const file of json.files) expect(existsSync(path.join(appDir(), file.path)), file.path).toBe(true);
    expect(json.functions.map((fn: { file: string }) => fn.file)).toEqual([
      "src/inngest/functions/event-basic-hello-world.ts",
      "src/inngest/functions/cron-weekday-digest.ts",
    ]);
    for (const fn of json.functions)
      expect(readFileSync(path.join(appDir(), fn.file), "utf8")).toContain(`id: "${fn.id}"`);
    // --add made the app's dev script load .env.development: its own `dev` starts in dev mode.
    // The tutorial app picks its port in code: the Dev Server is left to find it.
    expect(json.nextSteps).toEqual(["npm install", "npm run dev", "npx inngest-cli@latest dev"]);

    const again = await add("event-basic,cron", "--yes");
    expect(again.exitCode).toBe(0);
    expect(again.json.files).toEqual([]);
    expect(again.json.warnings).toContain("event-basic is already in the app: skipped.");
  });

  it("next steps give the Dev Server the app's URL when its dev script serves elsewhere than 3000 (Vite)", async () => {
    copy("hono-workers-vite");
    const { exitCode, json, stderr } = await add("event-basic", "--dry-run");
    expect(exitCode, stderr).toBe(0);
    expect(json.nextSteps).toEqual([
      "npm install",
      "npm run dev",
      "npx inngest-cli@latest dev -u http://localhost:5173/api/inngest",
    ]);
  });

  it("--add takes a group: each of its features once, beside one named twice", async () => {
    copy("express-tutorial");
    const { exitCode, json, stderr } = await add("errors,retries", "--dry-run");
    expect(exitCode, stderr).toBe(0);
    expect(json.features).toEqual(
      features.filter((feature) => feature.group === "Errors").map((feature) => feature.id),
    );
  });

  it("--dry-run writes nothing; a file it cannot edit comes back as a manual step with exit 2", async () => {
    copy("express-tutorial");
    const dry = await add("event-basic", "--dry-run");
    expect(dry.exitCode).toBe(0);
    expect(dry.json.dryRun).toBe(true);
    expect(existsSync(path.join(appDir(), "src/inngest"))).toBe(false);

    writeFileSync(path.join(appDir(), ".mcp.json"), "[]\n");
    const manual = await add("event-basic", "--yes");
    expect(manual.exitCode).toBe(2);
    expect(manual.json.manualSteps).toEqual([expect.objectContaining({ file: ".mcp.json" })]);
  });

  it.each([
    ["parse-error", (dir: string) => writeFileSync(path.join(dir, "package.json"), "{ nope")],
    [
      "javascript-project",
      (dir: string) => {
        const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
        delete manifest.devDependencies?.typescript;
        delete manifest.dependencies?.typescript;
        writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest));
      },
    ],
    [
      "unsupported-framework",
      (dir: string) => writeFileSync(path.join(dir, "package.json"), '{ "dependencies": { "fastify": "5.0.0" } }'),
    ],
    [
      "unsupported-framework-version",
      (dir: string) => {
        const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
        manifest.dependencies.express = "~4.15.0";
        writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest));
      },
    ],
    [
      "parse-error",
      (dir: string) => {
        const index = readFileSync(path.join(dir, "src/index.ts"), "utf8");
        writeFileSync(path.join(dir, "src/index.ts"), `${index}\napp.get("/x", (req, res) => {\n`);
      },
    ],
  ])("refuses with %s, nothing written", async (code, breakApp) => {
    copy("express-tutorial");
    breakApp(appDir());
    const before = snapshot(appDir());
    const { exitCode, json } = await add("event-basic", "--yes");
    expect(exitCode).toBe(1);
    expect(json).toMatchObject({ ok: false, command: "add", error: { code } });
    expect(snapshot(appDir())).toEqual(before);
  });

  it("refuses uncommitted changes without --yes (dirty-tree) and an unknown feature (unknown-feature)", async () => {
    copy("express-tutorial");
    await commitAll(appDir());
    writeFileSync(path.join(appDir(), "notes.txt"), "wip\n");
    const dirty = await add("event-basic");
    expect(dirty.json).toMatchObject({ ok: false, error: { code: "dirty-tree", exitCode: 1 } });
    const unknown = await add("nope");
    expect(unknown.json).toMatchObject({ ok: false, error: { code: "unknown-feature" } });
  });
});

/** Waits until `condition` holds, polling, for up to 60 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 100) {
    if (waited > 60_000) throw new Error(`timed out waiting for ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The processes whose working directory is `dir` (Linux). */
function runningIn(dir: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir;
      } catch {
        return false; // gone, or not ours to read
      }
    })
    .map(Number);
}
