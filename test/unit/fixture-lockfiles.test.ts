import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_LOCKFILE, fixturesDir } from "../helpers/fixtures.js";

const apps = readdirSync(fixturesDir).filter((name) => existsSync(path.join(fixturesDir, name, "package.json")));
const read = (name: string, file: string) => JSON.parse(readFileSync(path.join(fixturesDir, name, file), "utf8"));

describe.each(apps)("the fixture app %s", (name) => {
  it("keeps a lockfile that npm ci accepts: its root lists exactly package.json's dependencies", () => {
    const hint = `make it with: cd test/fixtures/${name} && npm install --package-lock-only`;
    expect(existsSync(path.join(fixturesDir, name, FIXTURE_LOCKFILE)), hint).toBe(true);
    const manifest = read(name, "package.json");
    const root = read(name, FIXTURE_LOCKFILE).packages[""];
    for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"])
      expect(root[field], field).toEqual(manifest[field]);
  });
});
