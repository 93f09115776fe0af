import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandsFor, type PackageManager } from "../../src/support/package-manager.js";
import { startDevServer, type RunningApp } from "../helpers/app.js";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { appEndpoint } from "../helpers/inngest.js";
import { runScript } from "../helpers/run.js";
import { installTool, tools, withToolOnPath, type ToolName } from "../helpers/tools.js";

export interface PackageManagerCase {
  pm: PackageManager;
  /** The pinned client the test installs from the registry (yarn 1 or yarn 4 for "yarn"). */
  tool: ToolName;
  /** How the install run chooses the manager; the other way is checked without an install. */
  chosenBy: "flag" | "user agent";
  lockfile: string;
}

const APP = "pm-app";

/**
 * A hono app (the fastest to install and boot) scaffolded and installed by a real client, then
 * type-checked, tested and booted with that client's own commands.
 */
export function describePackageManagerApp({ pm, tool, chosenBy, lockfile }: PackageManagerCase): void {
  const { version } = tools[tool];
  const userAgent = `${pm}/${version} npm/? node/${process.version} ${process.platform} ${process.arch}`;
  const commands = commandsFor(pm);

  describe(`${tool} ${version}, chosen by ${chosenBy}`, () => {
    let temp: Awaited<ReturnType<typeof makeTempDir>>;
    let env: Record<string, string>;
    let appDir: string;
    let output: string;

    const choose = (how: "flag" | "user agent") =>
      how === "flag" ? { args: ["--pm", pm], agent: undefined } : { args: [], agent: userAgent };

    beforeAll(async () => {
      const bin = await installTool(tool);
      env = withToolOnPath(bin);
      temp = await makeTempDir(`cia-${tool}-`);
      appDir = path.join(temp.dir, APP);
      const { args, agent } = choose(chosenBy);
      const result = await runCli(
        [APP, "--framework", "hono", "--features", "event-basic", "--install", "--no-git", ...args],
        { cwd: temp.dir, env: { PATH: env.PATH, npm_config_user_agent: agent } },
      );
      output = result.output;
      expect(result.exitCode, result.output).toBe(0);
    }, 600_000);

    afterAll(async () => {
      await temp?.remove();
    });

    it(`installs with ${pm} and prints ${pm}'s commands`, () => {
      expect(output).toContain(`Installed dependencies with ${pm}`);
      expect(existsSync(path.join(appDir, lockfile)), lockfile).toBe(true);
      expect(existsSync(path.join(appDir, "package-lock.json"))).toBe(false);
      expect(existsSync(path.join(appDir, "node_modules", "inngest", "package.json"))).toBe(true);
      expect(output).toContain(commands.run("dev"));
      expect(output).not.toContain("npm run");
      const readme = readFileSync(path.join(appDir, "README.md"), "utf8");
      expect(readme).toContain(commands.run("dev"));
      expect(readme).not.toMatch(/\bnpm (run|install)\b/);
      if (pm === "yarn") expect(readFileSync(path.join(appDir, ".gitignore"), "utf8")).toContain(".yarn/*");
    });

    it(`is chosen the other way too (${chosenBy === "flag" ? "user agent" : "flag"})`, async () => {
      const { args, agent } = choose(chosenBy === "flag" ? "user agent" : "flag");
      const result = await runCli(
        ["other", "--framework", "hono", "--features", "event-basic", "--no-install", "--no-git", ...args],
        {
          cwd: temp.dir,
          env: { npm_config_user_agent: agent },
        },
      );
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toContain(commands.install);
      expect(result.output).toContain(commands.run("dev"));
    });

    it("type-checks", async () => {
      const result = await runScript(appDir, "typecheck", { packageManager: pm, env });
      expect(result.exitCode, result.output).toBe(0);
    }, 180_000);

    it("passes its own tests", async () => {
      const result = await runScript(appDir, "test", { packageManager: pm, env });
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toMatch(/Tests\s+\d+ passed/);
    }, 300_000);

    describe(`booted with ${commands.run("dev")}`, () => {
      let app: RunningApp;

      beforeAll(async () => {
        app = await startDevServer(appDir, { packageManager: pm, env });
      }, 180_000);

      afterAll(async () => {
        await app?.stop();
      });

      it("answers GET /api/inngest with 200", async () => {
        const { status, body } = await appEndpoint(app.url, APP).inspect();
        expect(status).toBe(200);
        expect(body).toMatchObject({ mode: "dev", function_count: 1 });
      });
    });
  });
}
