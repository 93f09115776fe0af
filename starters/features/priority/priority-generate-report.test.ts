import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { generateReport } from "./priority-generate-report";
import { reportRequested } from "../events";

const event = reportRequested.create({ accountId: "acct_1", plan: "enterprise" });

describe("generate-report", () => {
  it("generates the report", async () => {
    const { result } = await new InngestTestEngine({ function: generateReport }).execute({ events: [event] });
    expect(result).toEqual({ reportUrl: "https://reports.example.com/acct_1.pdf" });
  });

  // Inngest evaluates the expression when it queues a run (@inngest/test ignores it): check what
  // the function registers.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([generateReport]);
    });
    afterAll(() => endpoint.close());

    it("registers the priority expression as a function option", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.priority).toEqual({ run: 'event.data.plan == "enterprise" ? 120 : 0' });
      expect(fn?.concurrency).toBe(10);
    });
  });
});
