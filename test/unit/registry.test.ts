import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importLine, relativeSpecifier } from "../../src/contributions/code-text.js";
import { eventCatalogue } from "../../src/contributions/features.js";
import { ALL_FEATURES, featureGroups, features, featuresNamed, groupId } from "../../src/features/index.js";
import { frameworks } from "../../src/frameworks/index.js";
import { INNGEST_DIR, startersDir } from "../../src/contributions/layout.js";

// The "Add a framework / add a pattern" checklist of the README, checked: every module is in its
// registry and has its starter folder, and the other way round.

const srcDir = path.resolve(import.meta.dirname, "../../src");
const modules = (dir: string, helpers: string[]) =>
  readdirSync(path.join(srcDir, dir))
    .filter((name) => name.endsWith(".ts") && !helpers.includes(name))
    .map((name) => name.replace(/\.ts$/, ""))
    .sort();
const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("the feature registry", () => {
  it("holds one module per pattern, src/features/<id>.ts, and each module's feature", async () => {
    const helpers = ["feature.ts", "index.ts", "contributions.ts", "agent-kit.ts"];
    expect(features.map((feature) => feature.id).sort()).toEqual(modules("features", helpers));
    for (const name of modules("features", helpers)) {
      const exported = Object.values(await import(`../../src/features/${name}.ts`));
      expect(exported.filter((value) => features.includes(value as never)).length, name).toBe(1);
    }
  });

  it("names each group and the whole catalogue with an id no feature has", () => {
    const ids = features.map((feature) => feature.id);
    for (const name of [ALL_FEATURES, "inngest", ...featureGroups.map(groupId)]) expect(ids).not.toContain(name);
    expect(featuresNamed(ALL_FEATURES)).toEqual(features);
    for (const group of featureGroups) {
      const named = featuresNamed(groupId(group))!;
      expect(named.length, group).toBeGreaterThan(0);
      expect(named).toEqual(features.filter((feature) => feature.group === group));
    }
    expect(featuresNamed("throttle")).toEqual([features.find((feature) => feature.id === "throttle")]);
    expect(featuresNamed("Flow control")).toBeUndefined();
  });

  it("has a starter folder per feature, starters/features/<id>/, holding exactly the declared files", () => {
    const featuresDir = path.join(startersDir, "features");
    expect(folders(featuresDir)).toEqual(features.map((feature) => feature.id).sort());
    for (const feature of features) {
      const declared = [...feature.files, ...(feature.middlewareFiles ?? [])].sort();
      expect(readdirSync(path.join(featuresDir, feature.id)).sort(), feature.id).toEqual(declared);
      for (const name of declared) expect(name.startsWith(feature.id), `${feature.id}: ${name}`).toBe(true);
      for (const name of feature.supportFiles ?? [])
        expect(existsSync(path.join(startersDir, "support", name))).toBe(true);
      for (const fn of feature.functions) expect(feature.files, feature.id).toContain(fn.file);
      for (const middleware of feature.clientMiddleware ?? [])
        expect(feature.middlewareFiles ?? [], feature.id).toContain(middleware.file);
    }
  });

  it("declares only events of starters/events.ts, and the catalogue holds only events some feature uses", () => {
    const catalogue = eventCatalogue();
    const used = new Set(features.flatMap((feature) => feature.events ?? []));
    expect([...catalogue.keys()].sort()).toEqual([...used].sort());
    for (const declaration of catalogue.values()) {
      expect(declaration.text).toMatch(new RegExp(`^(// .*\\n)*export const ${declaration.name} = eventType\\(`));
      expect(declaration.imports.length).toBeGreaterThan(0);
    }
  });
});

describe("the framework registry", () => {
  it("holds one module per framework, src/frameworks/<id>.ts, each with its starter folder", () => {
    expect(frameworks.map((framework) => framework.id).sort()).toEqual(
      modules("frameworks", ["framework.ts", "index.ts"]),
    );
    const shared = ["agents", "base", "connect", "deploy", "features", "support"];
    expect(folders(startersDir).filter((name) => !shared.includes(name))).toEqual(
      frameworks.map((framework) => framework.starter).sort(),
    );
    for (const framework of frameworks) {
      expect(existsSync(path.join(startersDir, framework.starter, framework.serveHandlerPath))).toBe(true);
      expect(existsSync(path.join(startersDir, "deploy", `${framework.id}.md`)), framework.id).toBe(true);
    }
  });

  it.each(frameworks.map((framework) => framework.id))(
    "%s: the starter's serve handler is the text the framework module declares",
    (id) => {
      const framework = frameworks.find((candidate) => candidate.id === id)!;
      const handler = readFileSync(path.join(startersDir, framework.starter, framework.serveHandlerPath), "utf8");
      const handlerDir = path.posix.dirname(framework.serveHandlerPath);
      const extension = framework.relativeImportExtension;
      const clientImport = importLine(
        ["inngest"],
        relativeSpecifier(handlerDir, `${INNGEST_DIR}/client.ts`, extension),
      );
      const functionsImport = importLine(
        ["functions"],
        relativeSpecifier(handlerDir, `${INNGEST_DIR}/functions/index.ts`, extension, true),
      );
      const { mount } = framework;
      if (mount.kind === "route-file") {
        expect(handler).toBe(mount.routeFile(clientImport, functionsImport));
        return;
      }
      const serveImport = new RegExp(`^import \\{ serve(?: as (\\w+))? \\} from "${framework.serveModule}";$`, "m");
      const serveLocal = serveImport.exec(handler)?.[1] ?? "serve";
      expect(handler).toMatch(serveImport);
      expect(handler).toContain(clientImport);
      expect(handler).toContain(functionsImport);
      expect(handler).toContain(`const app = ${mount.create.example};`);
      expect(handler).toContain(mount.mountLine("app", serveLocal, undefined));
      if (mount.jsonBodyParser) expect(handler).toContain(`app.use(${mount.create.source}.${mount.jsonBodyParser}(`);
    },
  );
});
