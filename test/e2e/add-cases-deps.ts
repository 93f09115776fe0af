import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { copyFixture } from "../helpers/fixtures.js";
import { type AddCase, helloFiles, nodePlanned } from "./add-apps.js";

/** The version of `name` installed in the app, and the range its package.json declares. */
function versionsOf(dir: string, name: string): { installed: string; declared: string } {
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const installed = JSON.parse(readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")).version;
  return { installed, declared: manifest.dependencies?.[name] ?? manifest.devDependencies?.[name] };
}

/** An Express app on an older zod 3 (test/fixtures/express-zod3, zod 3.22.4), its zod set to `zod`. */
const expressOnZod = (zod: string) => async (dir: string) => {
  copyFixture("express-zod3", dir);
  const manifest = path.join(dir, "package.json");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace('"zod": "3.22.4"', `"zod": "${zod}"`));
};

const zodCase = (zod: string): AddCase => ({
  name: `an Express app on zod ${zod} (before zod/v3, which inngest 4 imports)`,
  make: expressOnZod(zod),
  add: ["event-basic"],
  before: [],
  after: ["hello-world"],
  planned: [...nodePlanned("src/app.ts"), ...helloFiles("src/")],
  // The app's own zod schema still parses and refuses the same bodies on zod 3.25.
  routes: [
    { path: "/health" },
    {
      path: "/signups",
      init: { method: "POST", headers: { "content-type": "application/json" }, body: '{"email":"ada@example.com"}' },
    },
    {
      path: "/signups",
      init: { method: "POST", headers: { "content-type": "application/json" }, body: '{"email":"nope"}' },
    },
  ],
  typecheck: ["npx", ["tsc", "--noEmit"]],
  afterInstall: (dir, output) => {
    // The app wrote an exact version: it gets an exact one, the 3.x tested with the SDK.
    expect(versionsOf(dir, "zod")).toEqual({ installed: "3.25.76", declared: "3.25.76" });
    expect(output).toContain(`raised zod ${zod} -> 3.25.76: inngest 4.24.0 needs ^3.25.0 || ^4.0.0`);
  },
});

export const zodCases: AddCase[] = [zodCase("3.22.4"), zodCase("3.24.2")];
