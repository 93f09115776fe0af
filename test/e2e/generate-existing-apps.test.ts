import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIn } from "../helpers/add.js";
import { startDevServer, type RunningApp } from "../helpers/app.js";
import { makeTempDir, runCli } from "../helpers/cli.js";
import { copyFixture } from "../helpers/fixtures.js";
import { appEndpoint } from "../helpers/inngest.js";
import { generatedFunctionCases } from "./generate-cases.js";

const [acceptance] = generatedFunctionCases;

interface ExistingApp {
  name: string;
  /** Makes the user's app, without Inngest, in `dir`. */
  make: (dir: string) => Promise<void>;
  typecheck: [string, string[]];
}

const fixture = (name: string) => async (dir: string) => {
  copyFixture(name, dir);
};

async function createNextApp(dir: string): Promise<void> {
  const flags = ["--ts", "--app", "--no-eslint", "--no-tailwind", "--no-react-compiler", "--use-npm", "--yes"];
  const more = ["--disable-git", "--skip-install", "--no-agent-feedback", "--import-alias", "@/*", "--no-src-dir"];
  const result = await runIn(
    path.dirname(dir),
    "npx",
    ["-y", "create-next-app@16.4.3", path.basename(dir), ...flags, ...more],
    {
      NEXT_TELEMETRY_DISABLED: "1",
    },
  );
  if (result.exitCode !== 0) throw new Error(result.output);
}

const apps: ExistingApp[] = [
  { name: "hand-written Express app", make: fixture("express-tutorial"), typecheck: ["npx", ["tsc", "--noEmit"]] },
  { name: "hand-written Hono app", make: fixture("hono-node"), typecheck: ["npx", ["tsc", "--noEmit"]] },
  {
    name: "create-next-app app",
    make: createNextApp,
    typecheck: ["sh", ["-c", "npx next typegen && npx tsc --noEmit"]],
  },
];

// Apps their users made (test/fixtures, create-next-app) given Inngest by --add, then the issue's
// acceptance example.
describe.each(apps)("--function in a $name given Inngest by --add", ({ name, make, typecheck: typecheckCommand }) => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dir: string;
  const env = { npm_config_prefer_offline: "true" };

  beforeAll(async () => {
    temp = await makeTempDir("cia-gen-existing-");
    dir = path.join(
      temp.dir,
      name
        .split(" ")
        .pop()!
        .replace(/[^a-z]/g, ""),
    );
    await make(dir);
    const added = await runCli(["--add", "inngest", "--yes"], { cwd: dir, env });
    expect(added.exitCode, added.output).toBe(0);
  }, 600_000);
  afterAll(() => temp?.remove());

  it("writes, registers and installs what the function needs", async () => {
    const result = await runCli([...acceptance!.args, "--yes"], { cwd: dir, env });
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("Installed dependencies with npm");
  }, 300_000);

  it("type-checks and passes the generated test", async () => {
    const typecheck = await runIn(dir, ...typecheckCommand);
    expect(typecheck.exitCode, typecheck.output).toBe(0);
    const tests = await runIn(dir, "npm", ["test"]);
    expect(tests.exitCode, tests.output).toBe(0);
    expect(tests.output).toContain("sync-contact.test.ts");
    expect(tests.output).not.toMatch(/\d+ failed/);
  }, 300_000);

  describe("in dev mode", () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startDevServer(dir, { timeoutMs: 180_000, env: { INNGEST_DEV: "1" } });
    }, 240_000);
    afterAll(async () => {
      await app?.stop();
    });

    it("syncs sync-contact with the configuration its flags asked for", async () => {
      const { status, body } = await appEndpoint(app.url).syncInBand();
      expect(status).toBe(200);
      const synced = Object.fromEntries(
        body.functions.map((fn: { id: string }) => [fn.id.replace(`${body.app_id}-`, ""), fn]),
      );
      const { expectedSync } = acceptance!;
      expect(synced["sync-contact"]).toMatchObject(expectedSync["sync-contact"]!);
      expect(synced["sync-contact-failure"]).toMatchObject({
        triggers: [
          { event: "inngest/function.failed", expression: `event.data.function_id == '${body.app_id}-sync-contact'` },
        ],
      });
    });
  });
});
