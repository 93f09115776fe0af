import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasStackTrace, makeTempDir, repoRoot, runCli } from "../helpers/cli.js";
import { failureMatrix } from "../helpers/matrix.js";
import { runOrThrow } from "../helpers/process.js";
import { snapshot } from "../helpers/snapshot.js";

const quick = ["--framework", "express", "--features", "event-basic", "--no-install"];
const gitIdentity = {
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.invalid",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.invalid",
};

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(async () => {
  await temp.remove();
});

describe("information flags", () => {
  it("--help prints usage and every flag", async () => {
    const result = await runCli(["--help"], { cwd: temp.dir });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Usage:");
    expect(result.stdout).toContain("--framework <next|express|hono|hono-workers>");
  });

  it("--version prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    const result = await runCli(["--version"], { cwd: temp.dir });
    expect(result).toMatchObject({ exitCode: 0, stdout: version });
  });

  it("--list prints the catalogue by group, with descriptions", async () => {
    const result = await runCli(["--list"], { cwd: temp.dir });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Triggers\n {2}event-basic +A function triggered by an event/m);
    expect(result.stdout).toContain("groups (triggers, steps, errors, flow-control, ai, middleware) and all");
  });

  it("--dry-run prints the plan and writes nothing", async () => {
    const result = await runCli(["my-app", ...quick, "--dry-run"], { cwd: temp.dir });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Dry run");
    expect(result.stdout).toContain("src/inngest/functions/event-basic-hello-world.ts");
    expect(result.stdout).toMatch(/inngest@\d+\.\d+\.\d+/);
    expect(readdirSync(temp.dir)).toEqual([]);
  });
});

describe("creating a project without a terminal", () => {
  it("writes the project, leaves no staging directory and prints next steps", async () => {
    const result = await runCli(["my-app", ...quick, "--no-git"], { cwd: temp.dir });
    expect(result.exitCode, result.output).toBe(0);
    expect(readdirSync(temp.dir)).toEqual(["my-app"]);
    expect(existsSync(path.join(temp.dir, "my-app/src/index.ts"))).toBe(true);
    expect(result.stdout).toContain("cd my-app");
    expect(result.stdout).toContain("npm install");
    expect(result.stdout).toContain("npx inngest-cli@latest dev");
    expect(result.stdout).toContain("http://localhost:8288");
  });

  it("takes every default with --yes", async () => {
    const result = await runCli(["--yes", "--no-install", "--no-git"], { cwd: temp.dir });
    expect(result.exitCode, result.output).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(temp.dir, "inngest-app/package.json"), "utf8"));
    expect(manifest.name).toBe("inngest-app");
    expect(manifest.dependencies.next).toBeDefined();
    expect(existsSync(path.join(temp.dir, "inngest-app/src/inngest/functions/event-basic-hello-world.ts"))).toBe(true);
  });

  it("uses the manager that launched it in the next steps", async () => {
    const result = await runCli(["my-app", ...quick, "--no-git"], {
      cwd: temp.dir,
      env: { npm_config_user_agent: "pnpm/10.12.1 npm/? node/v20.20.2 linux x64" },
    });
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain("pnpm install");
    expect(result.stdout).toContain("pnpm dev");
    expect(readFileSync(path.join(temp.dir, "my-app/README.md"), "utf8")).toContain("pnpm dev");
  });

  it("creates '.' in an empty directory, named after the folder", async () => {
    const dir = path.join(temp.dir, "Billing Worker");
    mkdirSync(dir);
    const result = await runCli([".", ...quick, "--no-git"], { cwd: dir });
    expect(result.exitCode, result.output).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).name).toBe("billing-worker");
    expect(readFileSync(path.join(dir, "src/inngest/client.ts"), "utf8")).toContain('id: "billing-worker"');
  });

  it("creates a path with spaces and non-ASCII characters, with a valid package name", async () => {
    const result = await runCli(["apps/Café Wörker", ...quick, "--no-git"], { cwd: temp.dir });
    expect(result.exitCode, result.output).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(temp.dir, "apps/Café Wörker/package.json"), "utf8"));
    expect(manifest.name).toBe("cafe-worker");
    expect(result.stdout).toContain('cd "apps/Café Wörker"');
  });

  it("creates nested paths whose parents do not exist", async () => {
    const result = await runCli(["apps/jobs/worker", ...quick, "--no-git"], { cwd: temp.dir });
    expect(result.exitCode, result.output).toBe(0);
    expect(existsSync(path.join(temp.dir, "apps/jobs/worker/package.json"))).toBe(true);
  });

  it("makes a git repository with a first commit", async () => {
    const result = await runCli(["my-app", ...quick], { cwd: temp.dir, env: gitIdentity });
    expect(result.exitCode, result.output).toBe(0);
    const log = await runOrThrow("git", ["log", "--oneline"], { cwd: path.join(temp.dir, "my-app") });
    expect(log.stdout).toMatch(/^[0-9a-f]+ Initial commit from create-inngest-app$/);
    const status = await runOrThrow("git", ["status", "--porcelain"], { cwd: path.join(temp.dir, "my-app") });
    expect(status.stdout).toBe("");
  });

  it("still makes the project when git cannot commit, and says so", async () => {
    const result = await runCli(["my-app", ...quick], {
      cwd: temp.dir,
      env: {
        HOME: temp.dir,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_CONFIG_COUNT: "1",
        GIT_CONFIG_KEY_0: "user.useConfigOnly",
        GIT_CONFIG_VALUE_0: "true",
      },
    });
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stderr).toContain("No git repository was made: git commit failed");
    expect(existsSync(path.join(temp.dir, "my-app/package.json"))).toBe(true);
    expect(existsSync(path.join(temp.dir, "my-app/.git"))).toBe(false);
  });

  it("says so and keeps the project when git is not installed", async () => {
    const bin = path.join(temp.dir, "bin");
    mkdirSync(bin);
    symlinkSync(process.execPath, path.join(bin, "node"));
    const result = await runCli(["my-app", ...quick], { cwd: temp.dir, env: { PATH: bin } });
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stderr).toContain("No git repository was made: git was not found");
    expect(existsSync(path.join(temp.dir, "my-app/package.json"))).toBe(true);
  });

  it("keeps the project and says how to install by hand when the install fails", async () => {
    const result = await runCli(
      ["my-app", "--framework", "hono", "--features", "event-basic", "--install", "--no-git"],
      {
        cwd: temp.dir,
        env: {
          npm_config_registry: "http://127.0.0.1:9/",
          npm_config_cache: path.join(temp.dir, "empty-cache"),
          npm_config_fetch_retries: "0",
        },
      },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /Installing dependencies failed \(exit code \d+\)\. The project is ready in my-app: run "cd my-app && npm install" to install by hand\./,
    );
    expect(result.stdout).toMatch(/ECONNREFUSED|127\.0\.0\.1:9/);
    expect(hasStackTrace(result.output)).toBe(false);
    expect(existsSync(path.join(temp.dir, "my-app/src/index.ts"))).toBe(true);
  }, 120_000);

  it("empties a non-empty directory with --force but keeps .git", async () => {
    const dir = path.join(temp.dir, "my-app");
    mkdirSync(path.join(dir, ".git"), { recursive: true });
    writeFileSync(path.join(dir, ".git/HEAD"), "ref: refs/heads/main\n");
    writeFileSync(path.join(dir, "old.txt"), "old");
    const result = await runCli(["my-app", ...quick, "--no-git", "--force"], { cwd: temp.dir });
    expect(result.exitCode, result.output).toBe(0);
    expect(existsSync(path.join(dir, "old.txt"))).toBe(false);
    expect(readFileSync(path.join(dir, ".git/HEAD"), "utf8")).toBe("ref: refs/heads/main\n");
    expect(existsSync(path.join(dir, "package.json"))).toBe(true);
  });
});

describe("bad input: one clear line, exit code 1, nothing written", () => {
  const cases: { name: string; args: string[]; message: RegExp; setup?: (dir: string) => void }[] = [
    {
      name: "an invalid package name",
      args: ["My App", ...quick],
      message: /"My App" is not a valid package name: .*capital letters.*Try "my-app"/,
    },
    { name: "a reserved name", args: ["node_modules", ...quick], message: /reserved name.*Try "inngest-app"/ },
    {
      name: "an unknown framework",
      args: ["app", "--framework", "rails", "--features", "event-basic"],
      message: /Unknown framework "rails". Choose one of: next, express, hono, hono-workers/,
    },
    {
      name: "an unknown feature",
      args: ["app", "--framework", "next", "--features", "event-basic,nope"],
      message: /Unknown feature "nope". Valid features: event-basic/,
    },
    {
      name: "an unknown package manager",
      args: ["app", ...quick, "--pm", "npx"],
      message: /Unknown package manager "npx". Choose one of: npm, pnpm, yarn, bun/,
    },
    {
      name: "an unknown flag",
      args: ["app", "--framwork", "next"],
      message: /Unknown flag --framwork. Did you mean --framework\?/,
    },
    { name: "a flag missing its value", args: ["app", "--features"], message: /--features needs a value/ },
    {
      name: "conflicting flags",
      args: ["app", ...quick, "--install"],
      message: /Conflicting flags: --no-install and --install/,
    },
    {
      name: "no name and no terminal",
      args: ["--framework", "next"],
      message: /Missing the project name: pass a directory .*or --yes/,
    },
    {
      name: "no framework and no terminal",
      args: ["app", "--features", "event-basic"],
      message: /Missing the framework: pass --framework <next\|express\|hono\|hono-workers>/,
    },
    {
      name: "no features and no terminal",
      args: ["app", "--framework", "hono"],
      message: /Missing the features: pass --features/,
    },
    {
      name: "a target that is a file",
      args: ["app", ...quick],
      message: /app is a file, not a directory/,
      setup: (dir) => writeFileSync(path.join(dir, "app"), "I am a file"),
    },
    {
      name: "a non-empty target without --force",
      args: ["app", ...quick],
      message: /app is not empty\. Choose another directory, or pass --force/,
      setup: (dir) => {
        mkdirSync(path.join(dir, "app"));
        writeFileSync(path.join(dir, "app/keep.txt"), "mine");
      },
    },
  ];

  const matrix = failureMatrix("Bad input");
  for (const { name, args, message, setup } of cases)
    matrix.row(name, async () => {
      setup?.(temp.dir);
      const before = snapshot(temp.dir);
      const result = await runCli(args, { cwd: temp.dir });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(hasStackTrace(result.output)).toBe(false);
      expect(snapshot(temp.dir)).toEqual(before);
    });
});
