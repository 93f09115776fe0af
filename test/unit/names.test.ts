import { describe, expect, it } from "vitest";
import {
  isValidPackageName,
  packageNameProblems,
  toAppId,
  toValidPackageName,
  toWorkerName,
} from "../../src/support/names.js";

describe("package names", () => {
  it.each(["my-app", "inngest-app", "@acme/worker", "a.b_c~d", "x".repeat(214)])("accepts %s", (name) => {
    expect(packageNameProblems(name)).toEqual([]);
  });

  it.each([
    ["My-App", "capital letters", "my-app"],
    ["my app", "spaces", "my-app"],
    [".hidden", "starts with a '.' or '_'", "hidden"],
    ["_private", "starts with a '.' or '_'", "private"],
    ["x".repeat(215), "longer than 214", "x".repeat(214)],
    ["café:bar", "not URL-safe", "cafe-bar"],
    ["node_modules", "reserved", "inngest-app"],
    ["favicon.ico", "reserved", "inngest-app"],
    ["a/b", "without being a scope", "a-b"],
    ["", "empty", "inngest-app"],
  ])("refuses %j (%s) and suggests a valid name", (name, problem, suggestion) => {
    expect(packageNameProblems(name).join(", ")).toContain(problem);
    expect(toValidPackageName(name)).toBe(suggestion);
    expect(isValidPackageName(toValidPackageName(name))).toBe(true);
  });

  it("derives the Inngest app id from the package name", () => {
    expect(toAppId("my-app")).toBe("my-app");
    expect(toAppId("@acme/shop")).toBe("acme-shop");
  });
});

describe("Cloudflare Worker names", () => {
  it.each([
    ["my-app", "my-app"],
    ["@acme/my_shop.v2", "acme-my-shop-v2"],
    ["a~~b", "a-b"],
    ["_", "inngest-worker"],
    ["x".repeat(80), "x".repeat(63)],
  ])("%s becomes %s: lowercase letters, digits and dashes", (packageName, workerName) => {
    expect(toWorkerName(packageName)).toBe(workerName);
  });
});
