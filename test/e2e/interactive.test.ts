import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliPath, makeTempDir } from "../helpers/cli.js";
import { Terminal } from "../helpers/terminal.js";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let terminal: Terminal;
const cli = `node ${JSON.stringify(cliPath)}`;

beforeEach(async () => {
  temp = await makeTempDir("cia-tty-");
  terminal = new Terminal();
});
afterEach(async () => {
  await terminal.close();
  await temp.remove();
});

describe("in a terminal", () => {
  it("asks every question and writes what was answered", async () => {
    await terminal.start(`${cli} --no-git`, temp.dir);

    await terminal.waitFor("Project name");
    await terminal.type("billing");
    await terminal.send("Enter");

    await terminal.waitFor("Framework");
    await terminal.send("Down", "Down", "Enter"); // Next.js, Express, Hono

    await terminal.waitFor("Features");
    await terminal.send("Space"); // unselect the default, event-basic
    await terminal.send("Space"); // and select it again
    await terminal.send("Down", "Space"); // and cron
    await terminal.send("Enter");
    await terminal.waitFor("Package manager");
    expect(await terminal.screen()).toMatch(/Features: › Event trigger, Cron schedule\s*$/m);

    await terminal.waitFor("Package manager");
    await terminal.send("Down", "Enter"); // npm, pnpm

    await terminal.waitFor("Install dependencies with pnpm now?");
    await terminal.send("n");

    expect(await terminal.exitCode()).toBe(0);
    const screen = await terminal.screen();
    expect(screen).toContain("cd billing");
    expect(screen).toContain("pnpm install");

    const app = path.join(temp.dir, "billing");
    const manifest = JSON.parse(readFileSync(path.join(app, "package.json"), "utf8"));
    expect(manifest.name).toBe("billing");
    expect(manifest.dependencies.hono).toBeDefined();
    expect(existsSync(path.join(app, "src/inngest/functions/event-basic-hello-world.ts"))).toBe(true);
    expect(existsSync(path.join(app, "src/inngest/functions/cron-weekday-digest.ts"))).toBe(true);
    expect(existsSync(path.join(app, "node_modules"))).toBe(false);
    expect(readFileSync(path.join(app, "README.md"), "utf8")).toContain("pnpm dev");
  });

  it("explains an invalid name at the prompt and waits for a valid one", async () => {
    await terminal.start(`${cli} --framework express --features event-basic --pm npm --no-install --no-git`, temp.dir);
    await terminal.waitFor("Project name");
    await terminal.type("My App");
    await terminal.send("Enter");
    await terminal.waitFor('Try "my-app"');
    for (let i = 0; i < "My App".length; i++) await terminal.send("BSpace");
    await terminal.type("my-app");
    await terminal.send("Enter");
    expect(await terminal.exitCode()).toBe(0);
    expect(existsSync(path.join(temp.dir, "my-app/package.json"))).toBe(true);
  });

  // Each prompt, with the keys that answer the ones before it.
  const prompts: { prompt: string; answersBefore: string[][] }[] = [
    { prompt: "Project name", answersBefore: [] },
    { prompt: "Framework", answersBefore: [["Enter"]] },
    { prompt: "Features", answersBefore: [["Enter"], ["Enter"]] },
    { prompt: "Package manager", answersBefore: [["Enter"], ["Enter"], ["Enter"]] },
    { prompt: "Install dependencies", answersBefore: [["Enter"], ["Enter"], ["Enter"], ["Enter"]] },
  ];
  it.each(prompts)(
    "stops with exit code 130 and writes nothing on Ctrl-C at $prompt",
    async ({ prompt, answersBefore }) => {
      await terminal.start(`${cli} --no-git`, temp.dir);
      const questions = ["Project name", "Framework", "Features", "Package manager"];
      for (const [index, keys] of answersBefore.entries()) {
        await terminal.waitFor(questions[index]!);
        await terminal.send(...keys);
      }
      await terminal.waitFor(prompt);
      await terminal.send("C-c");
      expect(await terminal.exitCode()).toBe(130);
      expect(await terminal.screen()).toContain("Cancelled: nothing was written.");
      expect(readdirSync(temp.dir)).toEqual([]);
    },
  );

  describe("with a non-empty target", () => {
    beforeEach(() => {
      mkdirSync(path.join(temp.dir, "app"));
      writeFileSync(path.join(temp.dir, "app/notes.txt"), "mine");
    });

    it("cancels by default and keeps the files", async () => {
      await terminal.start(
        `${cli} app --framework express --features event-basic --pm npm --no-install --no-git`,
        temp.dir,
      );
      await terminal.waitFor("is not empty");
      await terminal.send("Enter");
      expect(await terminal.exitCode()).toBe(130);
      expect(readdirSync(path.join(temp.dir, "app"))).toEqual(["notes.txt"]);
    });

    it("empties it when asked to", async () => {
      await terminal.start(
        `${cli} app --framework express --features event-basic --pm npm --no-install --no-git`,
        temp.dir,
      );
      await terminal.waitFor("is not empty");
      await terminal.send("Down", "Enter");
      expect(await terminal.exitCode()).toBe(0);
      expect(existsSync(path.join(temp.dir, "app/notes.txt"))).toBe(false);
      expect(existsSync(path.join(temp.dir, "app/package.json"))).toBe(true);
    });
  });
});
