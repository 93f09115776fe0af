import type { GetFunctionOutput } from "inngest";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { inngest } from "../client";
import { TypedContextMiddleware } from "../middleware/typed-context-middleware";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { storeUpload } from "./typed-context-upload";
import { fileUploaded } from "../events";

describe("store-upload over HTTP", () => {
  let endpoint: TestEndpoint;
  beforeAll(async () => {
    endpoint = await startTestEndpoint([storeUpload]);
  });
  afterAll(() => endpoint.close());

  it("receives the region from the middleware and picks its bucket", async () => {
    const answer = await endpoint.execute("store-upload", {
      events: [fileUploaded.create({ fileId: "f1" })],
    });
    expect(answer).toEqual({ status: 200, body: { fileId: "f1", region: "eu-west-1", bucket: "uploads-eu" } });
  });
});

describe("the typed context", () => {
  it("is the literal, not string", () => {
    // Never called: the function below exists for `npm run typecheck` only.
    const typeOnly = () =>
      inngest.createFunction(
        {
          id: "typed-context-types",
          triggers: [{ event: "app/typed-context.types" }],
          middleware: [TypedContextMiddleware],
        },
        async ({ region }) => {
          expectTypeOf(region).toEqualTypeOf<"eu-west-1">();
          // @ts-expect-error the handler knows the region is not "us-east-1"
          const other: "us-east-1" = region;
          return other;
        },
      );
    void typeOnly;
  });

  it("flows into the function's output type, for callers such as step.invoke", () => {
    expectTypeOf<GetFunctionOutput<typeof storeUpload>>().toHaveProperty("region").toEqualTypeOf<"eu-west-1">();
    expectTypeOf<GetFunctionOutput<typeof storeUpload>>().toHaveProperty("bucket").toEqualTypeOf<"uploads-eu">();
  });
});
