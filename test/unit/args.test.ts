import { describe, expect, it } from "vitest";
import { closest, helpText, parseArgs } from "../../src/args.js";
import { frameworkIds } from "../../src/frameworks/index.js";

describe("parseArgs", () => {
  it("reads a directory and every kind of flag", () => {
    const flags = parseArgs([
      "my-app",
      "--framework",
      "hono",
      "--features=event-basic,cron",
      "--pm",
      "pnpm",
      "--no-install",
      "--git",
      "-y",
      "--dry-run",
    ]);
    expect(flags).toMatchObject({
      dir: "my-app",
      framework: "hono",
      features: ["event-basic", "cron"],
      pm: "pnpm",
      install: false,
      git: true,
      yes: true,
      dryRun: true,
      force: false,
    });
  });

  it("leaves unanswered questions undefined so that they can be asked", () => {
    const flags = parseArgs([]);
    expect(flags.dir).toBeUndefined();
    expect(flags.framework).toBeUndefined();
    expect(flags.features).toBeUndefined();
    expect(flags.install).toBeUndefined();
  });

  it("reads --template and --offline", () => {
    expect(parseArgs(["app", "--template", "acme/starter/hono#v2", "--offline"])).toMatchObject({
      template: "acme/starter/hono#v2",
      offline: true,
    });
    expect(parseArgs(["app"]).offline).toBe(false);
  });

  it("skips the -- that npm create passes through", () => {
    expect(parseArgs(["app", "--", "--framework", "next"])).toMatchObject({ dir: "app", framework: "next" });
  });

  it("trims feature lists and drops empty entries", () => {
    expect(parseArgs(["--features", " event-basic , ,cron"]).features).toEqual(["event-basic", "cron"]);
  });

  it("suggests the nearest flag for a typo", () => {
    expect(() => parseArgs(["--framwork", "next"])).toThrow("Unknown flag --framwork. Did you mean --framework?");
    expect(() => parseArgs(["--no-instal"])).toThrow("Did you mean --no-install?");
  });

  it("names the flag whose value is missing", () => {
    expect(() => parseArgs(["--framework"])).toThrow(
      `--framework needs a value: --framework <${frameworkIds.join("|")}>.`,
    );
    expect(() => parseArgs(["--pm", "--yes"])).toThrow("--pm needs a value");
  });

  it("refuses conflicting and repeated flags", () => {
    expect(() => parseArgs(["--install", "--no-install"])).toThrow("Conflicting flags: --install and --no-install");
    expect(() => parseArgs(["--framework", "next", "--framework", "hono"])).toThrow("Conflicting flags");
  });

  it("refuses a value on a switch and a second directory", () => {
    expect(() => parseArgs(["--yes=no"])).toThrow("--yes takes no value");
    expect(() => parseArgs(["one", "two"])).toThrow("Expected one target directory, got 2");
  });
});

describe("closest", () => {
  it("finds near names and nothing for far ones", () => {
    expect(closest("featurs", ["features", "framework"])).toBe("features");
    expect(closest("zzzzzz", ["features", "framework"])).toBeUndefined();
  });
});

describe("helpText", () => {
  it("documents every flag", () => {
    const text = helpText("1.2.3");
    for (const flag of [
      "--framework",
      "--features",
      "--pm",
      "--[no-]install",
      "--[no-]git",
      "--yes",
      "--force",
      "--dry-run",
      "--list",
      "--help",
      "--version",
    ]) {
      expect(text).toContain(flag);
    }
    expect(text).toContain("1.2.3");
  });
});
