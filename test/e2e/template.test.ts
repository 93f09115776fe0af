import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type RunningApp } from "../helpers/app.js";
import { hasStackTrace, makeTempDir, runCli } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { InngestEndpoint } from "../helpers/inngest.js";
import { runScript } from "../helpers/run.js";

const HASH = "0123456789abcdef0123456789abcdef01234567";

/**
 * Puts a starter into degit's cache the way degit stores one ($XDG_CACHE_HOME/degit/<site>/<user>/
 * <repo>/: `<hash>.tar.gz` holding `<repo>-<hash>/...`, and `map.json` from ref to hash), so that
 * `--template ... --offline` (degit's cache mode) needs no network.
 */
async function seedDegitCache(cacheHome: string, work: string): Promise<void> {
  const top = path.join(work, `inngest-starter-${HASH}`);
  const starter = path.join(top, "hono");
  const file = (relative: string, contents: string) => {
    mkdirSync(path.dirname(path.join(starter, relative)), { recursive: true });
    writeFileSync(path.join(starter, relative), contents);
  };
  file(
    "package.json",
    JSON.stringify({ name: "acme-starter", private: true, type: "module", scripts: { lint: "echo lint" } }, null, 2),
  );
  file("README.md", "# Acme's Inngest starter\n");
  file(".gitignore", "node_modules\n.env*.local\n");
  file("src/health.ts", "export const health = () => ({ ok: true as const });\n");
  writeFileSync(path.join(top, "README.md"), "# the repository's root, outside the subdir\n");

  const repoCache = path.join(cacheHome, "degit", "github", "acme", "inngest-starter");
  mkdirSync(repoCache, { recursive: true });
  await execa("tar", ["-czf", path.join(repoCache, `${HASH}.tar.gz`), "-C", work, path.basename(top)]);
  writeFileSync(path.join(repoCache, "map.json"), JSON.stringify({ main: HASH }));
}

describe("--template with degit, offline from its cache", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    temp = await makeTempDir("cia-template-");
    const cacheHome = path.join(temp.dir, "cache");
    await seedDegitCache(cacheHome, path.join(temp.dir, "work"));
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
    ["a malformed source", ["--template", "not a repo"], "is not of the form user/repo"],
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
