import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { packPackage } from "../helpers/pack.js";
import { run } from "../helpers/process.js";
import { startLocalRegistry, type LocalRegistry } from "../helpers/registry.js";
import { runScript } from "../helpers/run.js";
import { installTool, withToolOnPath } from "../helpers/tools.js";

/**
 * The way users start it: the packed package is published to a local registry (verdaccio on
 * 127.0.0.1, no uplink), and `npm create` / `pnpm create` fetch and run it from there.
 */
describe("npm create inngest-app from a registry", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let registry: LocalRegistry;
  let pnpmBin: string;

  /** An empty directory whose .npmrc points npm and pnpm at the local registry. */
  const emptyDirOnRegistry = (name: string) => {
    const dir = path.join(temp.dir, name);
    mkdirSync(dir);
    writeFileSync(path.join(dir, ".npmrc"), `registry=${registry.url}\n`);
    return dir;
  };

  beforeAll(async () => {
    temp = await makeTempDir("cia-registry-");
    [registry, pnpmBin] = await Promise.all([startLocalRegistry(temp.dir), installTool("pnpm")]);
    const { tarball } = await packPackage(temp.dir);
    const npmrc = path.join(temp.dir, "publish.npmrc");
    const host = registry.url.replace(/^http:/, "");
    writeFileSync(npmrc, `registry=${registry.url}\n${host}:_authToken=${registry.token}\n`);
    const published = await run("npm", ["publish", tarball, "--registry", registry.url], {
      cwd: temp.dir,
      env: userEnv({ npm_config_userconfig: npmrc, NO_COLOR: "1" }),
      timeout: 300_000,
    });
    expect(published.exitCode, published.output).toBe(0);
  }, 300_000);

  afterAll(async () => {
    await registry?.stop();
    await temp?.remove();
  });

  it("npm create inngest-app@latest my-app -- --yes ... makes an app that type-checks", async () => {
    const cwd = emptyDirOnRegistry("npm-create");
    const env = userEnv({ npm_config_cache: path.join(temp.dir, "npm-cache"), npm_config_yes: "true", NO_COLOR: "1" });
    const created = await run(
      "npm",
      ["create", "inngest-app@latest", "my-app", "--", "--yes", "--framework", "hono", "--no-install", "--no-git"],
      { cwd, env, timeout: 300_000 },
    );
    expect(created.exitCode, created.output).toBe(0);
    expect(created.output).toContain("Created my-app");
    const app = path.join(cwd, "my-app");
    expect(readFileSync(path.join(app, ".gitignore"), "utf8")).toContain("node_modules");
    expect(readFileSync(path.join(app, "README.md"), "utf8")).toContain("npm run dev");

    rmSync(path.join(cwd, ".npmrc")); // the app's dependencies come from the real registry
    const installed = await run("npm", ["install", "--prefer-offline"], {
      cwd: app,
      env: userEnv({ NO_COLOR: "1" }),
      timeout: 300_000,
    });
    expect(installed.exitCode, installed.output).toBe(0);
    const typecheck = await runScript(app, "typecheck");
    expect(typecheck.exitCode, typecheck.output).toBe(0);
  }, 600_000);

  it("pnpm create inngest-app my-app ... makes a pnpm app that type-checks", async () => {
    const cwd = emptyDirOnRegistry("pnpm-create");
    const env = withToolOnPath(pnpmBin, { NO_COLOR: "1" });
    const created = await run(
      "pnpm",
      ["create", "inngest-app", "my-app", "--yes", "--framework", "hono", "--no-install", "--no-git"],
      { cwd, env, timeout: 300_000 },
    );
    expect(created.exitCode, created.output).toBe(0);
    expect(created.output).toContain("pnpm dev");
    const app = path.join(cwd, "my-app");
    expect(existsSync(path.join(app, "pnpm-workspace.yaml"))).toBe(true);
    expect(readFileSync(path.join(app, "README.md"), "utf8")).toContain("pnpm dev");

    rmSync(path.join(cwd, ".npmrc"));
    const installed = await run("pnpm", ["install", "--prefer-offline"], { cwd: app, env, timeout: 300_000 });
    expect(installed.exitCode, installed.output).toBe(0);
    const typecheck = await runScript(app, "typecheck", { packageManager: "pnpm", env });
    expect(typecheck.exitCode, typecheck.output).toBe(0);
  }, 600_000);
});
