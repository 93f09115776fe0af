import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitAll, runIn } from "../helpers/add.js";
import { hasStackTrace, makeTempDir, repoRoot, runCli } from "../helpers/cli.js";
import { copyFixture } from "../helpers/fixtures.js";
import { snapshot, sourceOnly } from "../helpers/snapshot.js";

/** Copies a fixture and sets some of its package.json versions (exact, as an app pins them). */
function appOf(fixture: string, dir: string, set: Record<string, string> = {}): void {
  copyFixture(fixture, dir);
  const file = path.join(dir, "package.json");
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  for (const [name, version] of Object.entries(set)) {
    const section = name in (manifest.devDependencies ?? {}) ? "devDependencies" : "dependencies";
    manifest[section][name] = version;
  }
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The lines a run printed that are not empty. */
const linesOf = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

/**
 * Apps whose packages need another major for the code --add writes: refused in one line, before
 * anything is written, with the command that upgrades the package.
 */
describe("--add and --function refuse a dependency that needs another major", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  const dirs = { typescript4: "", inngest3: "", wrangler3: "" };

  beforeAll(async () => {
    temp = await makeTempDir("cia-add-deps-");
    for (const name of Object.keys(dirs) as (keyof typeof dirs)[]) dirs[name] = path.join(temp.dir, name);
    appOf("express-split", dirs.typescript4, { typescript: "4.9.5" });
    appOf("express-inngest3", dirs.inngest3);
    // Not installed: wrangler 3 brings its own workerd binary, and the refusal needs only the range.
    appOf("hono-workers", dirs.wrangler3, { wrangler: "3.114.17" });
    // The two others as their users have them: installed with npm, committed.
    const installs = await Promise.all([dirs.typescript4, dirs.inngest3].map((dir) => runIn(dir, "npm", ["install"])));
    for (const install of installs) expect(install.exitCode, install.output).toBe(0);
    for (const dir of Object.values(dirs)) await commitAll(dir);
  }, 600_000);
  afterAll(async () => {
    await temp?.remove();
  });

  const cases: { name: string; app: keyof typeof dirs; args: string[]; message: string }[] = [
    {
      name: "TypeScript 4.9.5 (inngest 4.24.0's peer is >=5.8.0)",
      app: "typescript4",
      args: ["--add", "event-basic"],
      message:
        "This app has typescript 4.9.5: inngest 4.24.0 needs typescript >=5.8.0, another major. Upgrade it (npm install -D typescript@5.9.3), then run the command again. Nothing was changed.",
    },
    {
      name: "inngest 3.54.0, with --add",
      app: "inngest3",
      args: ["--add", "cron"],
      message:
        "This app has inngest 3.54.0: the added code is written for inngest 4: apps on inngest 3 need upgrading to inngest 4 first. Upgrade it (npm install inngest@4.24.0), then run the command again. Nothing was changed.",
    },
    {
      name: "inngest 3.54.0, with --function (the same plan, the same check)",
      app: "inngest3",
      args: ["--function", "notify-customer", "--event", "shop/order.placed"],
      message:
        "This app has inngest 3.54.0: the added code is written for inngest 4: apps on inngest 3 need upgrading to inngest 4 first. Upgrade it (npm install inngest@4.24.0), then run the command again. Nothing was changed.",
    },
    {
      name: "wrangler 3.114.17, whose wrangler dev has no --env-file (first in 4.27.0)",
      app: "wrangler3",
      args: ["--add", "event-basic"],
      message:
        "This app has wrangler 3.114.17: wrangler dev --env-file needs wrangler >=4.27.0, another major. Upgrade it (npm install -D wrangler@4.164.0), then run the command again. Nothing was changed.",
    },
  ];

  it.each(cases)("$name: one line, exit 1, the tree byte-identical", async ({ app, args, message }) => {
    const dir = dirs[app];
    const before = snapshot(dir, sourceOnly);
    for (const extra of [[], ["--dry-run"]]) {
      const result = await runCli([...args, ...extra, "--yes"], { cwd: dir });
      expect(result.exitCode, result.output).toBe(1);
      expect(hasStackTrace(result.output)).toBe(false);
      expect(linesOf(result.stderr).at(-1)).toContain(message);
      expect(linesOf(result.stderr).filter((line) => line.includes("Nothing was changed"))).toHaveLength(1);
      expect(snapshot(dir, sourceOnly)).toEqual(before);
    }
    const json = await runCli([...args, "--json", "--yes"], { cwd: dir });
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: "incompatible-dependency", message, exitCode: 1 });
    expect(snapshot(dir, sourceOnly)).toEqual(before);
  });
});

/** The install after the files are written fails (a registry on a closed port): exit 3, the notes, then a retry. */
describe("--add when the install fails after writing", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dir: string;
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    temp = await makeTempDir("cia-add-install-");
    dir = path.join(temp.dir, "app");
    copyFixture("express-split", dir);
    // A test script of another runner: the summary has a note to print about it.
    const file = path.join(dir, "package.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"test": "vitest run"', '"test": "node --test"'));
    await commitAll(dir);
    first = await runCli(["--add", "event-basic"], {
      cwd: dir,
      env: {
        npm_config_registry: "http://127.0.0.1:9/",
        npm_config_cache: path.join(temp.dir, "empty-cache"),
        npm_config_fetch_retries: "0",
      },
    });
  }, 300_000);
  afterAll(async () => {
    await temp?.remove();
  });

  it("exits 3 with one line that names the command to run in the app's directory", () => {
    expect(first.exitCode, first.output).toBe(3);
    expect(hasStackTrace(first.output)).toBe(false);
    expect(linesOf(first.stderr).at(-1)).toMatch(
      /^.*Installing dependencies failed \(exit code \d+\); every file is written: run "npm install" to install them/,
    );
    expect(first.output).not.toContain("cd . &&");
    expect(existsSync(path.join(dir, "src/inngest/client.ts"))).toBe(true);
  });

  it("prints every note the summary has, before that line", () => {
    const notes = [
      'Your "test" script (node --test) is kept as it is: the Inngest tests run with vitest, in "test:inngest" (vitest run src/inngest).',
      "try hello-world: send",
    ];
    const failedAt = first.output.indexOf("Installing dependencies failed");
    for (const note of notes) {
      expect(first.output, note).toContain(note);
      expect(first.output.indexOf(note), note).toBeLessThan(failedAt);
    }
  });

  it("installs what the first run planned when run again, though no file changes", async () => {
    const before = snapshot(dir, sourceOnly);
    const again = await runCli(["--add", "event-basic"], { cwd: dir });
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toContain("Nothing to change");
    expect(again.output).toMatch(/package\.json lists .*inngest.*, not installed in node_modules: installing/);
    expect(again.output).toContain("Installed dependencies with npm");
    expect(JSON.parse(readFileSync(path.join(dir, "node_modules/inngest/package.json"), "utf8")).version).toBe(
      "4.24.0",
    );
    const files = (snapshot: Record<string, string>) =>
      Object.fromEntries(Object.entries(snapshot).filter(([file]) => file !== "package-lock.json"));
    expect(files(snapshot(dir, sourceOnly))).toEqual(files(before));

    const third = await runCli(["--add", "event-basic"], { cwd: dir });
    expect(third.exitCode, third.output).toBe(0);
    expect(third.output).not.toContain("Installed dependencies");
  }, 300_000);
});

describe("--add --dry-run --json on an app whose zod is raised", () => {
  it("lists the raise in `raised` and `warnings`, as the published schema has them, and writes nothing", async () => {
    const temp = await makeTempDir("cia-add-raised-");
    try {
      const dir = path.join(temp.dir, "app");
      copyFixture("express-zod3", dir);
      const before = snapshot(dir, sourceOnly);
      const result = await runCli(["--add", "inngest", "--dry-run", "--json"], { cwd: dir });
      expect(result.exitCode, result.output).toBe(0);
      const output = JSON.parse(result.stdout);
      const schema = JSON.parse(readFileSync(path.join(repoRoot, "schema/output.schema.json"), "utf8"));
      const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
      expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
      expect(output.raised).toEqual([
        {
          name: "zod",
          section: "dependencies",
          from: "3.22.4",
          to: "3.25.76",
          needs: "^3.25.0 || ^4.0.0",
          neededBy: "inngest 4.24.0",
        },
      ]);
      expect(output.warnings).toContain(
        "package.json: raised zod 3.22.4 -> 3.25.76: inngest 4.24.0 needs ^3.25.0 || ^4.0.0.",
      );
      expect(output.nextSteps).toContain("npm install");
      expect(snapshot(dir, sourceOnly)).toEqual(before);
    } finally {
      await temp.remove();
    }
  });
});
