import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTarball } from "../../src/commands/create/tarball.js";
import {
  cachedTarballPath,
  checkTemplateSource,
  parseTemplateSource,
  tarballUrl,
} from "../../src/commands/create/template.js";
import { runOrThrow } from "../helpers/process.js";

describe("checkTemplateSource", () => {
  it.each(["acme/starter", "acme/starter/hono", "acme/starter/apps/hono#v2", "gitlab:acme/starter#main", "a.b/c-d_e"])(
    "accepts %s",
    (source) => expect(() => checkTemplateSource(source)).not.toThrow(),
  );

  it.each(["starter", "not a repo", "acme/", "/acme/starter"])("refuses %s with the expected form", (source) => {
    expect(() => checkTemplateSource(source)).toThrow(/user\/repo\[\/subdir\]\[#ref\]/);
  });

  it("refuses a host it has no tarball address for", () => {
    expect(() => checkTemplateSource("codeberg:acme/starter")).toThrow(/unknown host "codeberg:"/);
  });
});

describe("parseTemplateSource", () => {
  it("reads host, user, repo, a nested subdir and the ref", () => {
    expect(parseTemplateSource("bitbucket:acme/starter/apps/hono#feature/x")).toEqual({
      host: "bitbucket",
      user: "acme",
      repo: "starter",
      subdir: "apps/hono",
      ref: "feature/x",
    });
  });

  it("defaults to GitHub, the whole repository and HEAD", () => {
    expect(parseTemplateSource("acme/starter")).toEqual({
      host: "github",
      user: "acme",
      repo: "starter",
      subdir: "",
      ref: "HEAD",
    });
  });
});

describe("tarballUrl", () => {
  it.each([
    ["acme/starter#v2", "https://codeload.github.com/acme/starter/tar.gz/v2"],
    ["github:acme/starter/hono", "https://codeload.github.com/acme/starter/tar.gz/HEAD"],
    ["gitlab:acme/starter#main", "https://gitlab.com/acme/starter/-/archive/main/starter-main.tar.gz"],
    ["bitbucket:acme/starter#main", "https://bitbucket.org/acme/starter/get/main.tar.gz"],
  ])("%s downloads from %s", (source, url) => {
    expect(tarballUrl(parseTemplateSource(source))).toBe(url);
  });
});

describe("cachedTarballPath", () => {
  it("keeps one tarball per host, repository and ref under $XDG_CACHE_HOME", () => {
    const saved = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = "/cache-home";
    try {
      expect(cachedTarballPath(parseTemplateSource("gitlab:acme/starter/hono#release/1"))).toBe(
        path.join("/cache-home", "create-inngest-app", "gitlab", "acme", "starter", "release%2F1.tar.gz"),
      );
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
    }
  });
});

describe("readTarball", () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "cia-tarball-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const longPath = `top/${"a-folder-with-a-long-name/".repeat(6)}file.txt`;
  const binary = Buffer.from(Array.from({ length: 1500 }, (_, index) => (index * 7) % 256));
  const tree = path.join(work, "tree");
  mkdirSync(path.join(tree, path.dirname(longPath)), { recursive: true });
  writeFileSync(path.join(tree, longPath), "deep\n");
  writeFileSync(path.join(tree, "top/binary.bin"), binary);
  writeFileSync(path.join(tree, "top/empty.txt"), "");

  // GNU tar writes long paths as 'L' entries, pax as 'x' extended headers, ustar with a prefix field.
  it.each(["gnu", "pax", "ustar"])("reads files, bytes and long paths from tar --format=%s", async (format) => {
    const archive = path.join(work, `${format}.tar.gz`);
    const paths = format === "ustar" ? ["top/binary.bin", "top/empty.txt"] : ["top"];
    await runOrThrow("tar", [`--format=${format}`, "-czf", archive, "-C", tree, ...paths]);
    const files = new Map(readTarball(readFileSync(archive)).map((entry) => [entry.path, entry.contents]));

    expect(Buffer.from(files.get("top/binary.bin") ?? []).equals(binary)).toBe(true);
    expect(files.get("top/empty.txt")).toEqual(new Uint8Array());
    if (format !== "ustar") expect(Buffer.from(files.get(longPath) ?? []).toString()).toBe("deep\n");
    expect([...files.keys()].every((name) => !name.endsWith("/"))).toBe(true);
  });

  it.each([
    ["a .. segment", "s,^,top/../,"],
    ["an absolute path", "s,^,/tmp/,"],
  ])("refuses an entry whose path has %s", async (_case, transform) => {
    const archive = path.join(work, "escaping.tar.gz");
    await runOrThrow("tar", [
      "-czf",
      archive,
      "-P",
      "--transform",
      transform,
      "-C",
      path.join(tree, "top"),
      "empty.txt",
    ]);
    expect(() => readTarball(readFileSync(archive))).toThrow(/leads out of the archive/);
  });

  it("refuses a truncated archive", async () => {
    const archive = path.join(work, "whole.tar");
    await runOrThrow("tar", ["-cf", archive, "-C", tree, "top/binary.bin"]);
    const { gzipSync } = await import("node:zlib");
    const truncated = gzipSync(readFileSync(archive).subarray(0, 1024));
    expect(() => readTarball(truncated)).toThrow(/truncated/);
  });
});
