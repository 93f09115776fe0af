import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import semver from "semver";
import { afterAll, describe, expect, it } from "vitest";
import { appPackages, neededBy, readableRange, reconcile } from "../../src/app/plan/dependencies.js";
import { lockedVersion } from "../../src/app/detect/lockfile.js";
import table from "../../src/app/plan/needs.json" with { type: "json" };
import type { PackageManager } from "../../src/support/package-manager.js";
import { CliError } from "../../src/support/errors.js";
import { repoRoot } from "../helpers/cli.js";

// The inputs are written here from what npm, pnpm, yarn, bun and semver define (their lockfile
// formats, their range grammar); the expected answers from what the pinned packages' peer ranges
// say of them.

const temp = mkdtempSync(path.join(os.tmpdir(), "cia-dependencies-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let count = 0;

/** An app on disk: its package.json sections, and lockfiles or installed packages beside it. */
function app(
  sections: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> },
  options: { files?: Record<string, string>; installed?: Record<string, string>; pm?: PackageManager } = {},
) {
  const dir = path.join(temp, `app-${count++}`);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(options.files ?? {})) writeFileSync(path.join(dir, file), text);
  for (const [name, version] of Object.entries(options.installed ?? {})) {
    mkdirSync(path.join(dir, "node_modules", name), { recursive: true });
    writeFileSync(path.join(dir, "node_modules", name, "package.json"), JSON.stringify({ name, version }));
  }
  const manifest = { name: "app", ...sections };
  return appPackages(manifest, { dir, installDir: dir, packageManager: options.pm ?? "npm" });
}

/** What --add inngest plans: the SDK, its test library and vitest, each added when the app lacks it. */
const BASE = new Set(["inngest", "@inngest/test", "vitest", "@types/node"]);
const PINNED_ADDS = { inngest: "4.24.0", "@inngest/test": "1.0.0", vitest: "4.1.12", "@types/node": "22.20.5" };

function check(packages: ReturnType<typeof app>, options: { imported?: Set<string>; conditions?: string[] } = {}) {
  const imported = options.imported ?? BASE;
  const added = Object.fromEntries(Object.entries(PINNED_ADDS).filter(([name]) => !(name in packages.declared)));
  return reconcile(
    neededBy(imported, packages, new Set([...imported, ...(options.conditions ?? [])])),
    packages,
    added,
  );
}

function refusal(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("not refused");
}

const npmLock = (entries: Record<string, string>) =>
  JSON.stringify({
    name: "app",
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { name: "app" },
      ...Object.fromEntries(Object.entries(entries).map(([name, version]) => [`node_modules/${name}`, { version }])),
    },
  });

describe("raised: inside the needed major, too old", () => {
  it("zod ^3.22.4 resolved 3.22.4 by package-lock.json: raised to ^3.25.76, the 3.x tested with the SDK", () => {
    const { raised } = check(
      app({ dependencies: { zod: "^3.22.4" } }, { files: { "package-lock.json": npmLock({ zod: "3.22.4" }) } }),
    );
    expect(raised).toEqual([
      {
        name: "zod",
        section: "dependencies",
        from: "^3.22.4",
        to: "^3.25.76",
        need: { name: "zod", range: "^3.25.0 || ^4.0.0", by: "inngest 4.24.0" },
      },
    ]);
  });

  it("an exact zod 3.24.2 stays exact: 3.25.76", () => {
    const { raised } = check(app({ dependencies: { zod: "3.24.2" } }));
    expect(raised.map((r) => [r.from, r.to])).toEqual([["3.24.2", "3.25.76"]]);
  });

  it("a declared ^3.22.4 that the lockfile resolves to 3.25.1 is left: what runs is new enough", () => {
    const files = { "package-lock.json": npmLock({ zod: "3.25.1" }) };
    expect(check(app({ dependencies: { zod: "^3.22.4" } }, { files })).raised).toEqual([]);
  });

  it("TypeScript ^5 with nothing resolved (no install, no lockfile): its floor 5.0.0 is raised", () => {
    expect(check(app({ devDependencies: { typescript: "^5" } })).raised.map((r) => r.to)).toEqual(["^5.9.3"]);
  });

  it("the installed version decides over the lockfile: node_modules/zod 3.23.8", () => {
    const { raised } = check(
      app(
        { dependencies: { zod: "~3.23.0" } },
        { installed: { zod: "3.23.8" }, files: { "package-lock.json": npmLock({ zod: "3.25.76" }) } },
      ),
    );
    expect(raised.map((r) => [r.from, r.to])).toEqual([["~3.23.0", "^3.25.76"]]);
  });

  it("a declared range already new enough is left when only node_modules is behind: the install brings it", () => {
    expect(check(app({ dependencies: { zod: "3.25.76" } }, { installed: { zod: "3.22.4" } })).raised).toEqual([]);
  });

  it("an npm: alias of the package itself keeps its form", () => {
    const { raised } = check(app({ dependencies: { zod: "npm:zod@^3.22.4" } }));
    expect(raised.map((r) => r.to)).toEqual(["npm:zod@^3.25.76"]);
  });

  it("TypeScript ^5.4.5 (inngest's optional peer >=5.8.0): raised to the pinned ^5.9.3", () => {
    const { raised } = check(
      app({ devDependencies: { typescript: "^5.4.5" } }, { installed: { typescript: "5.4.5" } }),
    );
    expect(raised).toMatchObject([{ name: "typescript", section: "devDependencies", to: "^5.9.3" }]);
  });

  it("Express 4.18.2 (peer >=4.19.2) is raised within 4, to the least version the peer allows", () => {
    const { raised } = check(app({ dependencies: { express: "^4.18.2" } }, { installed: { express: "4.18.2" } }));
    expect(raised.map((r) => r.to)).toEqual(["^4.19.2"]);
  });

  it("inngest 4.3.0 is raised to the version the code is written for", () => {
    const { raised } = check(app({ dependencies: { inngest: "^4.3.0" } }, { installed: { inngest: "4.3.0" } }));
    expect(raised).toMatchObject([{ name: "inngest", from: "^4.3.0", to: "^4.24.0" }]);
  });

  it("wrangler 4.20.0 gets ^4.164.0 when the dev script gets --env-file (first in 4.27.0), else is left", () => {
    const workers = () => app({ devDependencies: { wrangler: "4.20.0" } });
    expect(check(workers(), { conditions: ["wrangler-env-file"] }).raised.map((r) => r.to)).toEqual(["4.164.0"]);
    expect(check(workers()).raised).toEqual([]);
  });
});

describe("left alone: new enough, or not readable as too old", () => {
  it.each([
    ["zod", "^3.25.0"],
    ["zod", "^4.1.0"],
    ["zod", ">=3.25.0"],
    ["zod", "workspace:*"],
    ["zod", "catalog:"],
    ["zod", "latest"],
    ["zod", "npm:@acme/zod-fork@1.0.0"],
    ["zod", "github:colinhacks/zod"],
    ["typescript", "~5.9.2"],
    ["typescript", ">=5.8.0"],
    ["express", "5.3.0"],
    ["hono", "^4.6.0"],
    ["inngest", "4.24.0"],
    ["@inngest/test", "^1.0.0"],
  ])("%s %s", (name, range) => {
    expect(check(app({ dependencies: { [name]: range } })).raised).toEqual([]);
  });

  it("an app that keeps its own vitest keeps its own vite", () => {
    expect(check(app({ devDependencies: { vitest: "3.2.4", vite: "5.4.10" } })).raised).toEqual([]);
  });

  it("@inngest/agent-kit's peers apply only when the code imports it", () => {
    expect(check(app({ dependencies: { zod: "^3.25.76" } })).raised).toEqual([]);
  });
});

describe("refused: the needed range is in another major", () => {
  it("TypeScript 4.9.5: one line, the needed range and the command that upgrades it", () => {
    const error = refusal(() => check(app({ devDependencies: { typescript: "4.9.5" } })));
    expect(error.code).toBe("incompatible-dependency");
    expect(error.message).toBe(
      "This app has typescript 4.9.5: inngest 4.24.0 needs typescript >=5.8.0, another major. Upgrade it (npm install -D typescript@5.9.3), then run the command again. Nothing was changed.",
    );
  });

  it("inngest 3: the code is for inngest 4, and v3 apps are upgraded first", () => {
    const error = refusal(() =>
      check(
        app(
          { dependencies: { inngest: "^3.54.0" } },
          { files: { "package-lock.json": npmLock({ inngest: "3.54.0" }) }, pm: "pnpm" },
        ),
      ),
    );
    expect(error.message).toBe(
      "This app has inngest 3.54.0: the added code is written for inngest 4: apps on inngest 3 need upgrading to inngest 4 first. Upgrade it (pnpm add inngest@4.24.0), then run the command again. Nothing was changed.",
    );
  });

  it("wrangler 3.114.17 with a dev script given --env-file, with yarn's command", () => {
    const error = refusal(() =>
      check(app({ devDependencies: { wrangler: "^3.114.17" } }, { pm: "yarn" }), { conditions: ["wrangler-env-file"] }),
    );
    expect(error.message).toContain("wrangler ^3.114.17: wrangler dev --env-file needs wrangler >=4.27.0");
    expect(error.message).toContain("(yarn add -D wrangler@4.164.0)");
  });

  it("vite 5 without vitest: the vitest the plan adds takes vite ^6 || ^7 || ^8", () => {
    const error = refusal(() =>
      check(app({ devDependencies: { vite: "^5.4.10" } }, { installed: { vite: "5.4.10" } })),
    );
    expect(error.message).toContain("vite 5.4.10: vitest 4.1.12 needs vite ^6.0.0 || ^7.0.0 || ^8.0.0");
  });

  it("zod 3 when AgentKit (zod >=4 <5) is imported", () => {
    const imported = new Set([...BASE, "@inngest/agent-kit"]);
    const error = refusal(() => check(app({ dependencies: { zod: "^3.25.76" } }), { imported }));
    expect(error.message).toContain("@inngest/agent-kit 0.13.2 needs zod >=4 <5");
  });

  it("a catalog: entry that resolves too old: raised where the catalog is, not in package.json", () => {
    const error = refusal(() => check(app({ dependencies: { zod: "catalog:" } }, { installed: { zod: "3.22.4" } })));
    expect(error.message).toContain('zod 3.22.4 (declared "catalog:")');
  });
});

describe("readableRange: what semver reads of a declared specifier", () => {
  it.each([
    ["^3.25.0 || ^4.0.0", ">=3.25.0 <4.0.0-0||>=4.0.0 <5.0.0-0"],
    [">=5.8.0", ">=5.8.0"],
    ["npm:zod@^3.22.4", ">=3.22.4 <4.0.0-0"],
    ["workspace:*", undefined],
    ["catalog:", undefined],
    ["next", undefined],
    ["npm:other@1", undefined],
  ])("%s", (declared, read) => {
    expect(readableRange("zod", declared)).toBe(read);
  });
});

describe("lockedVersion: each manager's lockfile text", () => {
  const query = { name: "zod", declared: "^3.22.4", importer: "" };
  it("package-lock.json, with a workspace package's own nested copy first", () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        "node_modules/zod": { version: "3.25.76" },
        "apps/api/node_modules/zod": { version: "3.22.4" },
      },
    });
    expect(lockedVersion("package-lock.json", text, query)).toBe("3.25.76");
    expect(lockedVersion("package-lock.json", text, { ...query, importer: "apps/api" })).toBe("3.22.4");
  });

  it("pnpm-lock.yaml 9: the importer's entry, peers suffix dropped", () => {
    const text = [
      "lockfileVersion: '9.0'",
      "",
      "importers:",
      "",
      "  .:",
      "    devDependencies:",
      "      typescript:",
      "        specifier: 5.9.3",
      "        version: 5.9.3",
      "",
      "  apps/api:",
      "    dependencies:",
      "      '@inngest/test':",
      "        specifier: ^0.1.6",
      "        version: 0.1.6(inngest@3.54.0)",
      "      zod:",
      "        specifier: ^3.22.4",
      "        version: 3.22.4",
      "",
      "packages:",
      "",
      "  zod@3.22.4:",
      "    resolution: {integrity: sha512-AAAA}",
      "",
    ].join("\n");
    expect(lockedVersion("pnpm-lock.yaml", text, { ...query, importer: "apps/api" })).toBe("3.22.4");
    expect(
      lockedVersion("pnpm-lock.yaml", text, { name: "@inngest/test", declared: "^0.1.6", importer: "apps/api" }),
    ).toBe("0.1.6");
    expect(lockedVersion("pnpm-lock.yaml", text, query)).toBeUndefined();
  });

  it("yarn.lock 1: the entry keyed by the declared range", () => {
    const text = [
      "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.",
      "# yarn lockfile v1",
      "",
      "",
      "zod@^3.0.0, zod@^3.22.4:",
      '  version "3.22.4"',
      '  resolved "https://registry.yarnpkg.com/zod/-/zod-3.22.4.tgz"',
      "",
      "zod@^4.0.0:",
      '  version "4.6.7"',
      "",
    ].join("\n");
    expect(lockedVersion("yarn.lock", text, query)).toBe("3.22.4");
  });

  it("yarn.lock 2+: npm: descriptors", () => {
    const text = [
      "__metadata:",
      "  version: 8",
      "",
      '"@inngest/test@npm:^1.0.0":',
      "  version: 1.0.0",
      '  resolution: "@inngest/test@npm:1.0.0"',
      "",
      '"zod@npm:^3.22.4":',
      "  version: 3.22.4",
      '  resolution: "zod@npm:3.22.4"',
      "",
    ].join("\n");
    expect(lockedVersion("yarn.lock", text, query)).toBe("3.22.4");
    expect(lockedVersion("yarn.lock", text, { name: "@inngest/test", declared: "^1.0.0", importer: "" })).toBe("1.0.0");
  });

  it("bun.lock", () => {
    const text = [
      "{",
      '  "lockfileVersion": 1,',
      '  "workspaces": { "": { "name": "app", "dependencies": { "zod": "^3.22.4", }, }, },',
      '  "packages": {',
      '    "zod": ["zod@3.22.4", "", {}, "sha512-AAAA"],',
      "  }",
      "}",
    ].join("\n");
    expect(lockedVersion("bun.lock", text, query)).toBe("3.22.4");
  });
});

describe("needs.json: derived from the pinned packages", () => {
  it("the inngest entry is what the installed inngest (the same pinned version) declares", () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, "node_modules/inngest/package.json"), "utf8"));
    const entry = table.packages.inngest;
    expect(entry.version).toBe(manifest.version);
    expect(Object.fromEntries(Object.entries(entry.peers).map(([name, peer]) => [name, peer.range]))).toEqual(
      manifest.peerDependencies,
    );
    for (const [name, peer] of Object.entries(entry.peers))
      expect(peer.optional, name).toBe(manifest.peerDependenciesMeta?.[name]?.optional === true);
    expect(entry.engines).toEqual(manifest.engines);
  });

  it("the pinned versions satisfy every need the table has of a pinned package", async () => {
    const { versions, olderMajors } = await import("../../src/support/versions.js");
    const pinned = versions as Record<string, string>;
    for (const [provider, entry] of Object.entries(table.packages)) {
      expect(entry.version, provider).toBe(pinned[provider]);
      for (const [name, peer] of Object.entries(entry.peers as Record<string, { range: string }>))
        if (pinned[name]) expect(semver.satisfies(pinned[name], peer.range), `${provider} -> ${name}`).toBe(true);
    }
    for (const fact of table.facts) expect(semver.satisfies(pinned[fact.name]!, fact.range), fact.name).toBe(true);
    expect(semver.satisfies(olderMajors.zod![3]!, table.packages.inngest.peers.zod.range)).toBe(true);
  });
});

describe("notInstalled: what package.json lists that node_modules does not hold in range", () => {
  it("lists a package missing or installed outside its range, not one in range or unreadable", async () => {
    const { notInstalled } = await import("../../src/app/write/install.js");
    const dir = path.join(temp, "installed");
    for (const [name, version] of Object.entries({ zod: "3.22.4", express: "5.3.0", "@acme/ui": "1.0.0" })) {
      mkdirSync(path.join(dir, "node_modules", name), { recursive: true });
      writeFileSync(path.join(dir, "node_modules", name, "package.json"), JSON.stringify({ name, version }));
    }
    const manifest = {
      dependencies: { zod: "3.25.76", express: "^5.1.0", "@acme/ui": "workspace:*", inngest: "4.24.0" },
    };
    expect(notInstalled({ dir, installDir: dir, manifest })).toEqual(["zod", "inngest"]);
    writeFileSync(path.join(dir, ".pnp.cjs"), "");
    expect(notInstalled({ dir, installDir: dir, manifest })).toEqual([]);
  });
});
