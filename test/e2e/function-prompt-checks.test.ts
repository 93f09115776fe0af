import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPath, makeTempDir, runCli } from "../helpers/cli.js";
import { Terminal } from "../helpers/terminal.js";

// --function's prompts check each answer where it is given, with the spec's own validation: a
// control character pasted into the id is refused at the id, not after the seventh question.
describe("--function's prompts", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let terminal: Terminal;
  let dir: string;

  beforeAll(async () => {
    temp = await makeTempDir("cia-gen-check-");
    const created = await runCli(
      ["app", "--framework", "hono", "--features", "event-basic", "--no-install", "--no-git"],
      { cwd: temp.dir },
    );
    expect(created.exitCode, created.output).toBe(0);
    dir = path.join(temp.dir, "app");
    terminal = new Terminal();
  });
  afterAll(async () => {
    await terminal?.close();
    await temp.remove();
  });

  it("refuse a bad id, event name and step list at their own prompt, and go on once corrected", async () => {
    await terminal.start(`node ${JSON.stringify(cliPath)} --function --no-install`, dir);
    await terminal.waitFor("Function id");
    for (let i = 0; i < "my-function".length; i++) await terminal.send("BSpace");
    await terminal.type("charge");
    await terminal.send("C-b"); // a control character, as a paste can bring one
    await terminal.send("-", "c", "a", "r", "d");
    await terminal.send("Enter");
    let screen = await terminal.waitFor("is not a kebab-case id");
    expect(screen).toContain('"charge\\u0002-card"');
    expect(screen).not.toContain("Trigger");

    for (let i = 0; i < "charge?-card".length; i++) await terminal.send("BSpace");
    await terminal.type("charge-card");
    await terminal.send("Enter");
    await terminal.waitFor("Trigger");
    await terminal.send("Enter"); // An event
    await terminal.waitFor("Event name");
    for (let i = 0; i < "app/user.signed-up".length; i++) await terminal.send("BSpace");
    await terminal.type("bad event name");
    await terminal.send("Enter");
    screen = await terminal.waitFor(/is not a valid event name|not an event name|event name/i);
    expect(screen).not.toContain("Event data fields");
    for (let i = 0; i < "bad event name".length; i++) await terminal.send("BSpace");
    await terminal.type("shop/order.paid");
    await terminal.send("Enter");
    await terminal.waitFor("Event data fields");
    await terminal.send("Enter");
    await terminal.waitFor("Steps");
    for (let i = 0; i < "do-work".length; i++) await terminal.send("BSpace");
    await terminal.type("charge,Charge");
    await terminal.send("Enter");
    screen = await terminal.waitFor("is not a kebab-case step id");
    expect(screen).not.toContain("Options");
    await terminal.send("C-c");
    expect(await terminal.exitCode()).toBe(130);
  });
});
