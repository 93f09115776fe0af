import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/app.js";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { installNode } from "../helpers/node-runtime.js";
import { run } from "../helpers/process.js";
import { runScript } from "../helpers/run.js";

const APP_NAME = "e2e-connect";

/**
 * The connect worker of a Hono app on Node.js (Express's is the same file): it type-checks and
 * builds, refuses Node.js older than 22.4 in one line, and, with no Inngest server to reach, stops
 * with one line saying what it tried to reach instead of retrying for ever.
 */
describe("a hono app with --connect", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let appDir: string;
  let node22: string;

  beforeAll(async () => {
    temp = await makeTempDir("cia-connect-");
    appDir = path.join(temp.dir, APP_NAME);
    node22 = await installNode(22);
    const result = await runCli(
      [APP_NAME, "--framework", "hono", "--features", "event-basic", "--connect", "--install", "--no-git"],
      { cwd: temp.dir, env: { npm_config_prefer_offline: "true" } },
    );
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("npm run worker");
  }, 600_000);

  afterAll(async () => {
    await temp?.remove();
  });

  /** `npm run <script>` with Node 22 first on PATH and these variables, as a user's shell would run it. */
  const runWithNode22 = (script: string, env: Record<string, string | undefined>) =>
    run("npm", ["run", script], {
      cwd: appDir,
      env: userEnv({ PATH: `${node22}${path.delimiter}${process.env.PATH ?? ""}`, NO_COLOR: "1", ...env }),
      timeout: 90_000,
    });
  const lastLine = (output: string) =>
    output
      .trim()
      .split("\n")
      .filter((line) => !line.startsWith("npm warn"))
      .at(-1);

  it("refuses a Node.js older than 22.4 with one line", async () => {
    const before = readdirSync(appDir).sort();
    const result = await runScript(appDir, "worker");
    expect(result.exitCode).not.toBe(0);
    expect(lastLine(result.output)).toBe(
      `The connect worker needs Node.js 22.4 or newer; this is ${process.versions.node}.`,
    );
    expect(readdirSync(appDir).sort()).toEqual(before);
  }, 60_000);

  it("type-checks and builds dist/worker.js", async () => {
    expect((await runScript(appDir, "typecheck")).exitCode).toBe(0);
    const build = await runScript(appDir, "build");
    expect(build.exitCode, build.output).toBe(0);
    expect(existsSync(path.join(appDir, "dist", "worker.js"))).toBe(true);
  }, 180_000);

  it("stops with one line when no Dev Server answers, instead of retrying for ever", async () => {
    const nobodyListens = `http://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const result = await runWithNode22("worker", { INNGEST_DEV: nobodyListens });
    expect(result.exitCode, result.output).toBe(1);
    expect(lastLine(result.output)).toBe(
      "Could not connect to the Inngest Dev Server (start it with `npx inngest-cli@latest dev`, or point INNGEST_DEV at its URL) within 30 s.",
    );
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it("stops at once in cloud mode without a signing key, naming it", async () => {
    const result = await runWithNode22("worker:start", { INNGEST_DEV: undefined, INNGEST_SIGNING_KEY: undefined });
    expect(result.exitCode).toBe(1);
    expect(lastLine(result.output)).toMatch(/^INNGEST_SIGNING_KEY is not set: copy the signing key/);
  }, 60_000);
});

describe("--connect with a framework that cannot run a worker", () => {
  it.each(["next", "hono-workers"])("%s: refuses in one line and writes nothing", async (framework) => {
    const temp = await makeTempDir("cia-connect-refused-");
    try {
      const result = await runCli(["app", "--framework", framework, "--features", "event-basic", "--connect"], {
        cwd: temp.dir,
      });
      expect(result.exitCode).toBe(1);
      expect(result.output.trim().split("\n")).toHaveLength(1);
      expect(result.output).toContain("--connect needs a long-running Node.js app");
      expect(readdirSync(temp.dir)).toEqual([]);
    } finally {
      await temp.remove();
    }
  });
});
