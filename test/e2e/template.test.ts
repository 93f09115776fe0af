import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type RunningApp } from "../helpers/app.js";
import { hasStackTrace, makeTempDir, runCli } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { InngestEndpoint } from "../helpers/inngest.js";
import { runScript } from "../helpers/run.js";

/** Bytes that are not UTF-8 text: a starter's image must come out as it went in. */
const IMAGE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28]);
const LONG_PATH = `src/${"deeply-nested-folder/".repeat(5)}module.ts`;

/**
 * Puts a starter into the CLI's cache ($XDG_CACHE_HOME/create-inngest-app/github/<user>/<repo>/
 * <ref>.tar.gz) as a host serves it: `git archive` of a real repository, every path under one top
 * folder, with the pax headers git writes (a global one with the commit, one per long path).
 */
async function seedTemplateCache(cacheHome: string, work: string): Promise<void> {
  const file = (relative: string, contents: string | Buffer) => {
    mkdirSync(path.dirname(path.join(work, relative)), { recursive: true });
    writeFileSync(path.join(work, relative), contents);
  };
  file(
    "hono/package.json",
    JSON.stringify({ name: "acme-starter", private: true, type: "module", scripts: { lint: "echo lint" } }, null, 2),
  );
  file("hono/README.md", "# Acme's Inngest starter\n");
  file("hono/.gitignore", "node_modules\n.env*.local\n");
  file("hono/src/health.ts", "export const health = () => ({ ok: true as const });\n");
  file(`hono/${LONG_PATH}`, "export const nested = 1;\n");
  file("hono/public/logo.png", IMAGE);
  file("README.md", "# the repository's root, outside the subdir\n");

  const git = (...args: string[]) => execa("git", args, { cwd: work, env: userEnv() });
  await git("init", "-q");
  await git("add", "-A");
  await git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "starter");
  const repoCache = path.join(cacheHome, "create-inngest-app", "github", "acme", "inngest-starter");
  mkdirSync(repoCache, { recursive: true });
  await git(
    "archive",
    "--format=tar.gz",
    "--prefix=inngest-starter-main/",
    "-o",
    path.join(repoCache, "main.tar.gz"),
    "HEAD",
  );
}

describe("--template, offline from the CLI's cache", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    temp = await makeTempDir("cia-template-");
    const cacheHome = path.join(temp.dir, "cache");
    await seedTemplateCache(cacheHome, path.join(temp.dir, "work"));
    env = { XDG_CACHE_HOME: cacheHome };
  });

  afterAll(async () => {
    await temp?.remove();
  });

  describe("a cached starter", () => {
    let appDir: string;
    let app: RunningApp | undefined;

    beforeAll(async () => {
      const result = await runCli(
        [
          "from-template",
          "--template",
          "acme/inngest-starter/hono#main",
          "--offline",
          "--framework",
          "hono",
          "--features",
          "event-basic",
          "--no-install",
          "--no-git",
        ],
        { cwd: temp.dir, env },
      );
      expect(result.exitCode, result.output).toBe(0);
      appDir = path.join(temp.dir, "from-template");
    }, 60_000);

    afterAll(async () => {
      await app?.stop();
    });

    it("copies the starter's own files from the subdir and keeps them", () => {
      expect(readFileSync(path.join(appDir, "README.md"), "utf8")).toBe("# Acme's Inngest starter\n");
      expect(readFileSync(path.join(appDir, ".gitignore"), "utf8")).toContain(".env*.local");
      expect(existsSync(path.join(appDir, "src/health.ts"))).toBe(true);
      expect(readFileSync(path.join(appDir, LONG_PATH), "utf8")).toBe("export const nested = 1;\n");
      expect(existsSync(path.join(appDir, "hono"))).toBe(false);
    });

    it("copies binary files byte for byte", () => {
      expect(readFileSync(path.join(appDir, "public/logo.png")).equals(IMAGE)).toBe(true);
    });

    it("injects the client, the serve handler, the features and the dependencies", () => {
      expect(readFileSync(path.join(appDir, "src/inngest/client.ts"), "utf8")).toContain('id: "from-template"');
      expect(readFileSync(path.join(appDir, "src/index.ts"), "utf8")).toContain("/api/inngest");
      expect(existsSync(path.join(appDir, "src/inngest/functions/index.ts"))).toBe(true);
      const manifest = JSON.parse(readFileSync(path.join(appDir, "package.json"), "utf8"));
      expect(manifest.name).toBe("from-template");
      expect(manifest.scripts).toMatchObject({
        lint: "echo lint",
        dev: expect.any(String),
        typecheck: expect.any(String),
      });
      expect(manifest.dependencies).toHaveProperty("inngest");
    });

    it("installs, type-checks and serves /api/inngest", async () => {
      const install = await execa("npm", ["install", "--prefer-offline"], {
        cwd: appDir,
        env: userEnv(),
        extendEnv: false,
        reject: false,
        all: true,
      });
      expect(install.exitCode, install.all).toBe(0);
      const typecheck = await runScript(appDir, "typecheck");
      expect(typecheck.exitCode, typecheck.output).toBe(0);
      app = await startDevServer(appDir);
      const { status, body } = await new InngestEndpoint(app.url).inspect();
      expect(status).toBe(200);
      expect(body).toMatchObject({ function_count: 1 });
    }, 300_000);
  });

  it.each([
    [
      "an unknown repository",
      ["--template", "acme/no-such-starter", "--offline"],
      'Could not copy the template "acme/no-such-starter"',
    ],
    [
      "an unknown ref",
      ["--template", "acme/inngest-starter#v9", "--offline"],
      'Could not copy the template "acme/inngest-starter#v9"',
    ],
    [
      "a subdir the starter lacks",
      ["--template", "acme/inngest-starter/deno#main", "--offline"],
      'it has no folder "deno"',
    ],
    ["a malformed source", ["--template", "not a repo"], "is not of the form user/repo"],
    ["an unknown host", ["--template", "codeberg:acme/starter"], 'unknown host "codeberg:"'],
  ])("fails on %s with one line and writes nothing", async (_case, args, message) => {
    const before = readdirSync(temp.dir).sort();
    const result = await runCli(
      ["broken", ...args, "--framework", "hono", "--features", "event-basic", "--no-install", "--no-git"],
      {
        cwd: temp.dir,
        env,
      },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(hasStackTrace(result.output)).toBe(false);
    expect(readdirSync(temp.dir).sort()).toEqual(before);
  });
});
