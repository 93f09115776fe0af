import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEndpoint } from "../../starters/base/src/inngest/testing.js";
import { versions } from "../../src/support/versions.js";
import { repoRoot } from "../helpers/cli.js";
import { connectToEndpoint } from "../helpers/inngest.js";

// The starter's testing.ts is the one Inngest protocol client: every generated app's tests use it,
// and so do this repository's end-to-end harnesses. Here it runs against the starter's own test
// endpoint, served by the inngest version the apps get.

it("runs on the inngest version generated apps depend on", () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  expect(manifest.devDependencies.inngest).toBe(versions.inngest);
});

describe("the starter's endpoint client", () => {
  let endpoint: TestEndpoint;

  beforeAll(async () => {
    process.env.INNGEST_DEV = "1"; // as the apps' vitest.config.ts sets it, before the client is made
    const { inngest } = await import("../../starters/base/src/inngest/client.js");
    const { startTestEndpoint } = await import("../../starters/base/src/inngest/testing.js");
    const greet = inngest.createFunction(
      { id: "greet", triggers: [{ event: "test/greet" }] },
      async ({ event, step }) => {
        const greeting = await step.run("make-greeting", () => `Hello, ${event.data.name}!`);
        return { greeting };
      },
    );
    endpoint = await startTestEndpoint([greet]);
  });
  afterAll(() => endpoint?.close());

  it("inspects the endpoint in dev mode", async () => {
    const { status, body } = await endpoint.inspect();
    expect(status).toBe(200);
    expect(body).toMatchObject({ mode: "dev", function_count: 1 });
  });

  it("syncs in band, with the app id prefixing the function id", async () => {
    const { status, body } = await endpoint.syncInBand();
    expect(status).toBe(200);
    expect(body.app_id).toBe("__APP_ID__");
    expect(body.functions.map((fn) => [fn.id, fn.triggers])).toEqual([["__APP_ID__-greet", [{ event: "test/greet" }]]]);
    expect(await endpoint.sync()).toEqual(body.functions);
  });

  it("runs a function step by step, sending back the step's result keyed by the hash of its id", async () => {
    const events = [{ name: "test/greet", data: { name: "Ada" } }];
    const first = await endpoint.execute("greet", { events });
    expect(first.status).toBe(206);
    expect(first.body).toEqual([
      expect.objectContaining({ op: "StepRun", name: "make-greeting", data: "Hello, Ada!" }),
    ]);
    const done = await endpoint.execute("greet", { events, steps: { "make-greeting": "Hello, Ada!" } });
    expect(done).toEqual({ status: 200, body: { greeting: "Hello, Ada!" } });
  });

  it("reaches the same endpoint from a second client given its URL and app id", async () => {
    const other = connectToEndpoint(endpoint.url, "__APP_ID__");
    const answer = await other.executeWithHeaders("greet", {
      events: [{ name: "test/greet", data: { name: "Bo" } }],
      steps: { "make-greeting": "Hello, Bo!" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ greeting: "Hello, Bo!" });
    expect(answer.headers.get("content-type")).toContain("application/json");
    const unknown = await connectToEndpoint(endpoint.url, "another-app").execute("greet", { events: [] });
    expect(unknown.status).toBeGreaterThanOrEqual(400);
  });
});
