import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readmeWithFeatures, tryItPayloads } from "../../src/contributions/features.js";
import { features } from "../../src/features/index.js";
import { startersDir } from "../../src/contributions/layout.js";
import { expectedCatalogueSync } from "../e2e/expected-sync/index.js";
import { conditionHolds } from "../e2e/runs.js";

const sampleFiles = readdirSync(startersDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
  .map((entry) => path.relative(startersDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));

/** Sample code a user keeps: the functions and middleware, not their tests. */
const appFiles = sampleFiles.filter((file) => file.startsWith("features/") && !file.endsWith(".test.ts"));
const read = (file: string) => readFileSync(path.join(startersDir, file), "utf8");

describe("the samples", () => {
  it("trigger, wait for and send only typed events, never an event named in a string", () => {
    const untyped = appFiles.flatMap((file) =>
      // An event name has a slash (`app/user.signed-up`); agents and tools also have a `name`.
      [...read(file).matchAll(/\b(?:event: ["'`]([^"'`]+)|name: ["'`]([^"'`]*\/[^"'`]*))["'`]/g)]
        .filter((match) => (match[1] ?? match[2]) !== "inngest/scheduled.timer")
        .map((match) => `${file}: ${match[0]}`),
    );
    expect(untyped).toEqual([]);
  });

  it("name events by what happened in the domain, never by the feature that shows them", () => {
    const featureIds = new Set(features.map((feature) => feature.id));
    const names = ["events.ts", ...appFiles].flatMap((file) =>
      [...read(file).matchAll(/eventType\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]!),
    );
    expect(names.length).toBeGreaterThan(20);
    const embedding = names.filter((name) => name.split(/[/.]/).some((segment) => featureIds.has(segment)));
    expect(embedding).toEqual([]);
  });

  it("declare each event name once", () => {
    const names = ["events.ts", ...appFiles].flatMap((file) =>
      [...read(file).matchAll(/eventType\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]!),
    );
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it("name a model only in support/ai-models.ts, the one place defaults are kept", () => {
    const modelId = /["'`](gpt-[\w.-]+|o\d-[\w.-]+|claude-[\w.-]+|gemini-[\w.-]+|grok-[\w.-]+)["'`]/;
    const naming = sampleFiles.filter(
      (file) => file !== "support/ai-models.ts" && modelId.test(readFileSync(path.join(startersDir, file), "utf8")),
    );
    expect(naming).toEqual([]);
  });
});

describe("the Try it payloads", () => {
  const errorSamples = ["retries", "retry-after", "on-failure", "step-recovery"];

  it("give every error sample a failure event that differs from its happy one", () => {
    for (const id of errorSamples) {
      const feature = features.find((f) => f.id === id)!;
      const entries = Object.values(tryItPayloads(feature));
      expect(entries.length, id).toBeGreaterThan(0);
      for (const { event, failure } of entries) {
        expect(failure, id).toBeDefined();
        expect(failure!.event.name).toBe(event.name);
        expect(failure!.event.data).not.toEqual(event.data);
      }
    }
  });

  it("send only events the catalogue declares", () => {
    const declared = new Set(
      ["events.ts", ...appFiles].flatMap((file) =>
        [...read(file).matchAll(/eventType\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]!),
      ),
    );
    const sent = features.flatMap((feature) =>
      Object.values(tryItPayloads(feature)).flatMap(({ event, failure, cancel }) => [
        event.name,
        failure?.event.name ?? event.name,
        cancel?.event.name ?? event.name,
      ]),
    );
    expect(sent.filter((name) => !declared.has(name))).toEqual([]);
  });

  // The app's endpoint runs any function with any event; on an Inngest server a payload starts only
  // the functions whose trigger (and its `if`) it matches. What each function registers is
  // test/e2e/expected-sync, which the app tests check against the real in-band sync.
  it("match the trigger, and its condition, of the function they are listed under", () => {
    const mismatched = features.flatMap((feature) =>
      Object.entries(tryItPayloads(feature)).flatMap(([functionId, { event, failure }]) => {
        const triggers = (expectedCatalogueSync[functionId]?.triggers ?? []) as {
          event?: string;
          expression?: string;
        }[];
        return [event, failure?.event ?? event].flatMap((sent) =>
          triggers.some(
            (trigger) =>
              trigger.event === sent.name &&
              (trigger.expression === undefined || conditionHolds(trigger.expression, { event: sent })),
          )
            ? []
            : [`${feature.id}: ${functionId} is not started by ${JSON.stringify(sent)}`],
        );
      }),
    );
    expect(mismatched).toEqual([]);
  });

  it("cover every function an event starts", () => {
    const listed = new Set(features.flatMap((feature) => Object.keys(tryItPayloads(feature))));
    const eventTriggered = Object.entries(expectedCatalogueSync)
      .filter(([, fields]) =>
        ((fields.triggers ?? []) as { event?: string }[]).some(
          (trigger) => trigger.event !== undefined && !trigger.event.startsWith("inngest/"),
        ),
      )
      .map(([functionId]) => functionId);
    expect(eventTriggered.filter((functionId) => !listed.has(functionId))).toEqual([]);
  });

  it("say, in the README, which keys a model-calling function needs, and how to start one with no event", () => {
    const section = (ids: string[]) =>
      readmeWithFeatures(
        "# app\n",
        ids.map((id) => features.find((f) => f.id === id)!),
      ).split("## Try it")[1]!;
    const ai = section(["agent-network"]);
    for (const key of ["OPENAI_API_KEY", "ANTHROPIC_API_KEY"]) expect(ai).toContain(`\`${key}\``);
    const plain = section(["event-basic", "fan-out"]);
    expect(plain).not.toContain("API_KEY");
    expect(plain).toMatch(/no event here: start it from the \*\*Functions\*\*\npage with \*\*Invoke\*\*/);
  });

  it("become the README's Try it section, as Send event JSON and as curl to the Dev Server", () => {
    const retries = features.find((f) => f.id === "retries")!;
    const { event, failure } = tryItPayloads(retries)["sync-crm-contact"]!;
    const readme = readmeWithFeatures("# app\n", [retries]);
    expect(readme).toContain("## Try it");
    expect(readme).toContain(JSON.stringify(event, null, 2));
    expect(readme).toContain(`curl -X POST http://127.0.0.1:8288/e/test -d '${JSON.stringify(failure!.event)}'`);
    expect(readme).toContain(failure!.shows);
  });

  it("show the event that cancels a cancelOn sample's run, and say where a sleeping run waits", () => {
    const cancelOn = features.find((f) => f.id === "cancel-on")!;
    const { waits, cancel } = tryItPayloads(cancelOn)["send-trial-ending-reminder"]!;
    const readme = readmeWithFeatures("# app\n", [cancelOn]);
    expect(readme).toContain(`Starts a run that waits: ${waits!.shows}.`);
    expect(readme).toContain(`Cancels it: ${cancel!.shows}.`);
    expect(readme).toContain(`curl -X POST http://127.0.0.1:8288/e/test -d '${JSON.stringify(cancel!.event)}'`);
  });
});
