import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadParser, parseSource } from "../../src/app/ast.js";
import type { Source } from "../../src/app/detect/project.js";
import { newDraft, type UpgradeDraft } from "../../src/commands/upgrade/draft.js";
import { applySplices } from "../../src/commands/upgrade/splice.js";
import { moveTriggers } from "../../src/commands/upgrade/transforms/create-function.js";
import { constNameOf, declareEventTypes, useEventTypes } from "../../src/commands/upgrade/transforms/event-schemas.js";
import { reportEventUser } from "../../src/commands/upgrade/transforms/event-user.js";
import { referenceInvokedFunctions } from "../../src/commands/upgrade/transforms/invoke.js";
import { guardMountMethods } from "../../src/commands/upgrade/transforms/mount-methods.js";
import { express } from "../../src/frameworks/express.js";
import { hono } from "../../src/frameworks/hono.js";
import { reportMiddleware } from "../../src/commands/upgrade/transforms/middleware.js";
import { clientIn, upgradeServeOptions } from "../../src/commands/upgrade/transforms/serve-options.js";

// Each transform of --upgrade on small v3 files, against the exact v4 files expected, kept under
// test/fixtures/edits/upgrade-<transform>/<case>/.

const fixtures = path.resolve(import.meta.dirname, "../fixtures/edits");
const cases = (transform: string) => readdirSync(path.join(fixtures, transform)).sort();
const fixture = (transform: string, name: string, file: string) =>
  readFileSync(path.join(fixtures, transform, name, file), "utf8");
const sourceOf = (file: string, code: string): Source => ({ file, code, program: parseSource(code, file) });
const edited = (draft: UpgradeDraft, source: Source) => applySplices(source.code, draft.splices.get(source.file) ?? []);

beforeAll(loadParser);

describe("moveTriggers", () => {
  it.each(cases("upgrade-create-function"))("%s", (name) => {
    const source = sourceOf("src/inngest/functions.ts", fixture("upgrade-create-function", name, "input.ts"));
    const draft = newDraft();
    moveTriggers(source, draft);
    expect(draft.manual).toEqual([]);
    const expected = fixture("upgrade-create-function", name, "expected.ts");
    expect(edited(draft, source)).toBe(expected);
    // A second run finds nothing left to move.
    const again = newDraft();
    moveTriggers(sourceOf(source.file, expected), again);
    expect(again.splices.size).toBe(0);
  });

  it("names each function moved, with its line", () => {
    const source = sourceOf("f.ts", fixture("upgrade-create-function", "multiline-config", "input.ts"));
    const draft = newDraft();
    moveTriggers(source, draft);
    expect(draft.moved).toEqual([{ id: "sync-order", file: "f.ts", line: 3 }]);
  });

  it("leaves a call whose arguments are spread, and says what to write at which line", () => {
    const code =
      'import { inngest } from "./client";\n\nconst args = [] as any;\nexport const f = inngest.createFunction(...args);\n';
    const source = sourceOf("src/inngest/dynamic.ts", code);
    const draft = newDraft();
    moveTriggers(source, draft);
    expect(draft.splices.size).toBe(0);
    expect(draft.manual).toEqual([
      {
        file: "src/inngest/dynamic.ts",
        where: expect.stringMatching(/^line 4: /),
        lines: ["inngest.createFunction({ ...options, triggers: [trigger] }, handler)"],
      },
    ]);
  });
});

describe("upgradeServeOptions", () => {
  it.each(cases("upgrade-serve-options"))("%s", (name) => {
    const read = (file: string) => fixture("upgrade-serve-options", name, file);
    const clientSource = sourceOf("src/inngest/client.ts", read("input.client.ts"));
    const serveSource = sourceOf("src/index.ts", read("input.serve.ts"));
    const draft = newDraft();
    upgradeServeOptions(serveSource, clientIn(clientSource), draft);
    expect(edited(draft, clientSource)).toBe(read("expected.client.ts"));
    expect(edited(draft, serveSource)).toBe(read("expected.serve.ts"));
    const unchanged = read("input.serve.ts") === read("expected.serve.ts");
    expect(draft.manual.length > 0).toBe(unchanged);
  });

  it("gives the option that cannot move as the line to write in the client", () => {
    const read = (file: string) => fixture("upgrade-serve-options", "not-portable", file);
    const draft = newDraft();
    upgradeServeOptions(
      sourceOf("src/index.ts", read("input.serve.ts")),
      clientIn(sourceOf("src/inngest/client.ts", read("input.client.ts"))),
      draft,
    );
    expect(draft.manual).toEqual([
      {
        file: "src/index.ts",
        where: expect.stringContaining("line 8: serve()'s signingKey belongs to the client in v4"),
        lines: ["signingKey: secrets.inngest,"],
      },
    ]);
  });
});

describe("declareEventTypes and useEventTypes", () => {
  it.each(cases("upgrade-event-schemas"))("%s", (name) => {
    const read = (file: string) => fixture("upgrade-event-schemas", name, file);
    const clientSource = sourceOf("src/inngest/client.ts", read("input.client.ts"));
    const functionsSource = sourceOf("src/inngest/functions.ts", read("input.functions.ts"));
    const draft = newDraft();
    const client = { file: clientSource.file, exportName: "inngest" };
    const events = declareEventTypes(clientIn(clientSource)!, draft);
    useEventTypes({}, functionsSource, client, events, draft);
    expect(draft.manual).toEqual([]);
    expect(edited(draft, clientSource)).toBe(read("expected.client.ts"));
    expect(edited(draft, functionsSource)).toBe(read("expected.functions.ts"));
  });

  it("leaves fromUnion as it is, and says what to declare instead", () => {
    const code =
      'import { EventSchemas, Inngest } from "inngest";\n\ntype A = { name: "a/b"; data: { id: string } };\n\nexport const inngest = new Inngest({\n  id: "x",\n  schemas: new EventSchemas().fromUnion<A>(),\n});\n';
    const source = sourceOf("src/inngest/client.ts", code);
    const draft = newDraft();
    expect(declareEventTypes(clientIn(source)!, draft)).toEqual([]);
    expect(draft.splices.size).toBe(0);
    expect(draft.manual).toEqual([
      expect.objectContaining({
        file: "src/inngest/client.ts",
        where: expect.stringMatching(/^line 7: EventSchemas is gone in v4/),
      }),
    ]);
  });

  it("names events as the generator does", () => {
    expect(constNameOf("app/user.signed-up")).toBe("userSignedUp");
    expect(constNameOf("shop/order.placed")).toBe("shopOrderPlaced");
    expect(constNameOf("3d/model.rendered")).toBe("_3dModelRendered");
  });
});

describe("referenceInvokedFunctions", () => {
  it.each(cases("upgrade-invoke"))("%s", (name) => {
    const source = sourceOf("src/inngest/functions/checkout.ts", fixture("upgrade-invoke", name, "input.ts"));
    const draft = newDraft();
    referenceInvokedFunctions(source, "shop-worker", draft);
    expect(draft.manual).toEqual([]);
    expect(edited(draft, source)).toBe(fixture("upgrade-invoke", name, "expected.ts"));
  });

  it("leaves another app's function id as it is, and says how to reference it", () => {
    const code = fixture("upgrade-invoke", "same-app", "input.ts").replace(
      "shop-worker-check-fraud",
      "risk-engine-score",
    );
    const draft = newDraft();
    referenceInvokedFunctions(sourceOf("src/a.ts", code), "shop-worker", draft);
    expect(draft.splices.size).toBe(0);
    expect(draft.manual).toEqual([
      {
        file: "src/a.ts",
        where: expect.stringMatching(/^line 5: v4 invokes another app's function through referenceFunction/),
        lines: [
          'function: referenceFunction({ appId: "<app id>", functionId: "<function id>" }), // was "risk-engine-score"',
        ],
      },
    ]);
  });
});

describe("reportMiddleware", () => {
  it("leaves a v3 InngestMiddleware as it is and writes out the v4 class for it", () => {
    const code = [
      'import { InngestMiddleware } from "inngest";',
      "",
      "export const withDb = new InngestMiddleware({",
      '  name: "db-injection",',
      "  init: () => ({ onFunctionRun: () => ({ transformInput: () => ({ ctx: { db: {} } }) }) }),",
      "});",
      "",
    ].join("\n");
    const draft = newDraft();
    reportMiddleware(sourceOf("src/inngest/middleware.ts", code), draft);
    expect(draft.splices.size).toBe(0);
    expect(draft.manual).toHaveLength(1);
    expect(draft.manual[0]).toMatchObject({
      file: "src/inngest/middleware.ts",
      where: expect.stringMatching(/^line 3: /),
    });
    expect(draft.manual[0]!.lines).toContain('  readonly id = "db-injection";');
  });
});

describe("guardMountMethods", () => {
  it.each(cases("upgrade-mount-methods"))("%s", (name) => {
    const source = sourceOf("src/index.ts", fixture("upgrade-mount-methods", name, "input.ts"));
    const draft = newDraft();
    guardMountMethods(source, express, draft);
    expect(edited(draft, source)).toBe(fixture("upgrade-mount-methods", name, "expected.ts"));
  });

  it("leaves a framework whose mount names its methods alone", () => {
    const code =
      'import { Hono } from "hono";\nimport { serve } from "inngest/hono";\n\nconst app = new Hono();\napp.use("/api/inngest", serve({ client, functions }));\n';
    const draft = newDraft();
    guardMountMethods(sourceOf("src/index.ts", code), hono, draft);
    expect(draft.splices.size).toBe(0);
  });
});

describe("reportEventUser", () => {
  it("leaves a send with a user field as it is, and says to move it into data", () => {
    const code = [
      'import { inngest } from "./client";',
      "",
      "export async function signUp(id: string) {",
      '  await inngest.send({ name: "app/user.signed-up", data: { id }, user: { id } });',
      "}",
      "",
    ].join("\n");
    const draft = newDraft();
    reportEventUser(sourceOf("src/signup.ts", code), draft);
    expect(draft.splices.size).toBe(0);
    expect(draft.manual).toEqual([
      {
        file: "src/signup.ts",
        where: "line 4: v4 events have no user field; move what it holds into data and delete it",
        lines: ["data: { ...data, user: { id } },"],
      },
    ]);
  });
});
