import { describe, expect, it } from "vitest";
import {
  commandsFor,
  detectPackageManager,
  gitignoreLines,
  installInvocation,
  packageManagerFiles,
  packageManagerFromLockfile,
} from "../../src/support/package-manager.js";

describe("detectPackageManager", () => {
  it.each([
    ["npm/11.19.1 node/v20.20.2 linux x64 workspaces/false", "npm"],
    ["pnpm/10.12.1 npm/? node/v22.11.0 darwin arm64", "pnpm"],
    ["yarn/1.22.22 npm/? node/v20.19.0 linux x64", "yarn"],
    ["yarn/4.9.1 npm/? node/v24.1.0 linux x64", "yarn"],
    ["bun/1.2.15 npm/? node/v24.3.0 linux x64", "bun"],
  ])("reads %s", (userAgent, expected) => {
    expect(detectPackageManager(userAgent)).toBe(expected);
  });

  it("knows nothing without a user agent or from an unknown one", () => {
    expect(detectPackageManager(undefined)).toBeUndefined();
    expect(detectPackageManager("deno/2.0.0")).toBeUndefined();
  });
});

describe("commandsFor", () => {
  it("uses each manager's own commands", () => {
    expect([commandsFor("npm").install, commandsFor("npm").run("dev")]).toEqual(["npm install", "npm run dev"]);
    expect([commandsFor("pnpm").install, commandsFor("pnpm").run("dev")]).toEqual(["pnpm install", "pnpm dev"]);
    expect([commandsFor("yarn").install, commandsFor("yarn").run("dev")]).toEqual(["yarn", "yarn dev"]);
    expect([commandsFor("bun").install, commandsFor("bun").run("dev")]).toEqual(["bun install", "bun run dev"]);
  });
});

describe("packageManagerFiles and installInvocation", () => {
  it("lets pnpm install without approving dependencies' build scripts", () => {
    const [file] = packageManagerFiles("pnpm");
    expect(file?.path).toBe("pnpm-workspace.yaml");
    expect(file?.contents).toMatch(/^strictDepBuilds: false$/m);
  });

  it("gives yarn 2+ node_modules and yarn 1 a warning for engines, and lets yarn create its lockfile in CI", () => {
    const files = Object.fromEntries(packageManagerFiles("yarn").map((file) => [file.path, file.contents]));
    expect(files[".yarnrc.yml"]).toMatch(/^nodeLinker: node-modules$/m);
    expect(files[".yarnrc"]).toMatch(/^ignore-engines true$/m);
    expect(installInvocation("yarn").env).toEqual({ YARN_ENABLE_IMMUTABLE_INSTALLS: "false" });
  });

  it("ignores yarn 2+'s install state, and nothing for the others", () => {
    expect(gitignoreLines("yarn")).toEqual(expect.arrayContaining([".yarn/*", ".pnp.*"]));
    expect(gitignoreLines("pnpm")).toEqual([]);
  });

  it("adds nothing for npm and bun", () => {
    expect(packageManagerFiles("npm")).toEqual([]);
    expect(packageManagerFiles("bun")).toEqual([]);
    expect(installInvocation("npm")).toEqual({ args: ["install"], env: {} });
  });

  it("lets pnpm update a lockfile that CI would otherwise freeze", () => {
    expect(installInvocation("pnpm").args).toContain("--no-frozen-lockfile");
  });
});

describe("packageManagerFromLockfile", () => {
  it.each([
    [["package.json", "pnpm-lock.yaml"], "pnpm"],
    [["yarn.lock"], "yarn"],
    [["bun.lock"], "bun"],
    [["bun.lockb"], "bun"],
    [["package-lock.json"], "npm"],
    [["package.json"], undefined],
  ])("reads %j as %s", (files, expected) => {
    expect(packageManagerFromLockfile(files)).toBe(expected);
  });
});
