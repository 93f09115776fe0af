import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPath, makeTempDir, runCli } from "../helpers/cli.js";
import { Terminal } from "../helpers/terminal.js";

describe("--function in a terminal", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let terminal: Terminal;
  let dir: string;

  beforeAll(async () => {
    temp = await makeTempDir("cia-gen-tty-");
    const created = await runCli(
      ["app", "--framework", "hono", "--features", "event-basic", "--no-install", "--no-git"],
      {
        cwd: temp.dir,
      },
    );
    expect(created.exitCode, created.output).toBe(0);
    dir = path.join(temp.dir, "app");
    terminal = new Terminal();
  });
  afterAll(async () => {
    await terminal.close();
    await temp.remove();
  });

  it("asks for the id, the trigger, the data, the steps and the options the flags leave out", async () => {
    await terminal.start(`node ${JSON.stringify(cliPath)} --function --no-install`, dir);
    await terminal.waitFor("Function id");
    for (let i = 0; i < "my-function".length; i++) await terminal.send("BSpace");
    await terminal.type("ping-user");
    await terminal.send("Enter");
    await terminal.waitFor("Trigger");
    await terminal.send("Enter"); // An event
    await terminal.waitFor("Event name");
    await terminal.send("Enter"); // the suggested app/user.signed-up
    await terminal.waitFor("Event data fields");
    await terminal.send("Enter"); // userId:string
    await terminal.waitFor("Steps");
    await terminal.send("Enter"); // do-work
    await terminal.waitFor("Options");
    await terminal.send("Space", "Down", "Space", "Enter"); // Retries, onFailure handler
    await terminal.waitFor("Retries after the first attempt");
    await terminal.send("Enter"); // 3
    await terminal.waitFor("[exit 0]", 30_000);

    const written = readFileSync(path.join(dir, "src/inngest/functions/ping-user.ts"), "utf8");
    expect(written).toContain('id: "ping-user"');
    expect(written).toContain("triggers: [userSignedUp]");
    expect(written).toContain("retries: 3,");
    expect(written).toContain("onFailure: async");
    expect(readFileSync(path.join(dir, "src/inngest/events.ts"), "utf8")).toContain(
      'eventType("app/user.signed-up", { schema: z.object({ userId: z.string() }) })',
    );
  });
});
