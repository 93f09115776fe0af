import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadParser, parseSource } from "../../src/app/ast.js";
import type { Source } from "../../src/app/detect.js";
import { newDraft, type UpgradeDraft } from "../../src/commands/upgrade/draft.js";
import { applySplices } from "../../src/commands/upgrade/splice.js";
import { moveTriggers } from "../../src/commands/upgrade/transforms/create-function.js";
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
