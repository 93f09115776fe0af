import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { packPackage } from "../helpers/pack.js";
import { run, runOrThrow } from "../helpers/process.js";

describe("the packed package", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let packed: Awaited<ReturnType<typeof packPackage>>;
  let unpacked: string;

  beforeAll(async () => {
    temp = await makeTempDir("cia-pack-");
    packed = await packPackage(temp.dir);
    await runOrThrow("tar", ["-xzf", packed.tarball, "-C", temp.dir]);
    unpacked = path.join(temp.dir, "package");
  }, 120_000);

  afterAll(async () => {
    await temp?.remove();
  });

  it("holds only the bundled CLI (one entry and its lazily loaded chunks), the starters, the --json schema, the README and the license", () => {
    const outside = packed.files.filter(
      (file) =>
        !file.startsWith("starters/") &&
        !/^dist\/[\w-]+\.js$/.test(file) &&
        !["dist/cli.js", "schema/output.schema.json", "package.json", "README.md", "LICENSE"].includes(file),
    );
    expect(outside).toEqual([]);
    expect(packed.files).toEqual(
      expect.arrayContaining(["dist/cli.js", "schema/output.schema.json", "README.md", "LICENSE"]),
    );
  });

  it("has no runtime dependencies: everything is bundled into dist/", () => {
    const manifest = JSON.parse(readFileSync(path.join(unpacked, "package.json"), "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ "create-inngest-app": "dist/cli.js" });
  });

  it("keeps the starters' special files under their stored names", () => {
    for (const stored of ["_gitignore", "_env.development", "_env.example"]) {
      expect(existsSync(path.join(unpacked, "starters/base", stored)), stored).toBe(true);
    }
  });

  it("scaffolds an app from the unpacked package with the special files restored", async () => {
    const result = await run(
      "node",
      [
        path.join(unpacked, "dist/cli.js"),
        "my-app",
        "--framework",
        "hono",
        "--features",
        "event-basic",
        "--no-install",
        "--no-git",
      ],
      { cwd: temp.dir, env: userEnv({ NO_COLOR: "1" }) },
    );
    expect(result.exitCode, result.output).toBe(0);
    const app = path.join(temp.dir, "my-app");
    expect(readFileSync(path.join(app, ".gitignore"), "utf8")).toContain("node_modules");
    expect(readFileSync(path.join(app, ".env.development"), "utf8")).toContain("INNGEST_DEV=1");
    expect(existsSync(path.join(app, ".env.example"))).toBe(true);
    expect(existsSync(path.join(app, "_gitignore"))).toBe(false);
  }, 60_000);
});
