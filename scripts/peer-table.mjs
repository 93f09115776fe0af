// `npm run peers`: writes src/app/plan/needs.json, what the code --add and --function write needs of the
// app's other packages, from the registry's own record of each pinned package that the generated
// code imports or that the plan installs (`npm view <name>@<version> --json`: its peerDependencies,
// peerDependenciesMeta and engines). Run it after bumping src/support/versions.ts; the e2e test
// test/e2e/peer-table.test.ts fails while the committed file differs from what the registry says.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

/** The pinned packages whose peers matter: those the generated code imports, and vitest. */
export const PROVIDERS = ["inngest", "@inngest/test", "@inngest/agent-kit", "vitest"];

/**
 * Needs that are no peer: facts found by reading the packages, kept here with how they were found.
 * - wrangler: `wrangler dev --env-file` (the dev script --add writes for a Worker) is defined first
 *   in wrangler 4.27.0's wrangler-dist/cli.js (`.option("env-file", ...)`); 4.26.1 and every 3.x
 *   have no such option (`npm pack wrangler@<version>`, grep "env-file").
 * - zod: the SDK imports `zod/v3`, a subpath zod has exported since 3.25.0 (its package.json
 *   `exports`); inngest's peer range says the same.
 */
const FACTS = [
  {
    name: "wrangler",
    range: ">=4.27.0",
    when: "wrangler-env-file",
    by: "wrangler dev --env-file",
  },
  { name: "zod", range: ">=3.25.0", when: "inngest", by: "the Inngest SDK's import of zod/v3" },
];

/** The registry's record of `name@version`, the fields the table keeps. */
export function registryRecord(name, version) {
  const text = execFileSync("npm", ["view", `${name}@${version}`, "--json"], { encoding: "utf8" });
  const record = JSON.parse(text);
  const meta = record.peerDependenciesMeta ?? {};
  const peers = Object.fromEntries(
    Object.entries(record.peerDependencies ?? {})
      .sort(([a], [b]) => a.localeCompare(b, "en"))
      .map(([peer, range]) => [peer, { range, optional: meta[peer]?.optional === true }]),
  );
  return { version, peers, engines: record.engines ?? {} };
}

/** The pinned versions, read from versions.ts's text (this script runs without a TypeScript loader). */
export function pinnedVersions() {
  const text = readFileSync(new URL("../src/support/versions.ts", import.meta.url), "utf8");
  return Object.fromEntries(
    [...text.matchAll(/^\s+"?([@\w/.-]+)"?: "([^"]+)",$/gm)].map((match) => [match[1], match[2]]),
  );
}

export function buildTable() {
  const pinned = pinnedVersions();
  return {
    $comment: "Written by `npm run peers` (scripts/peer-table.mjs) from the registry: do not edit by hand.",
    packages: Object.fromEntries(PROVIDERS.map((name) => [name, registryRecord(name, pinned[name])])),
    facts: FACTS,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = new URL("../src/app/needs.json", import.meta.url);
  writeFileSync(target, `${JSON.stringify(buildTable(), null, 2)}\n`);
  console.log(`wrote ${target.pathname.split("/").slice(-3).join("/")}`);
}
