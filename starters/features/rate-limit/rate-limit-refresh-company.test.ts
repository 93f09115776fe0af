import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { refreshCompanyProfile } from "./rate-limit-refresh-company";
import { companyRefreshRequested } from "../events";

const event = companyRefreshRequested.create({ companyId: "co_1" });

describe("refresh-company-profile", () => {
  it("fetches the company profile", async () => {
    const { result } = await new InngestTestEngine({ function: refreshCompanyProfile }).execute({ events: [event] });
    expect(result).toEqual({ companyId: "co_1", employees: 42 });
  });

  // Inngest drops events over the limit before any run starts (@inngest/test ignores it): check
  // what the function registers.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([refreshCompanyProfile]);
    });
    afterAll(() => endpoint.close());

    it("registers a limit of 1 run per company every 4 hours", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.rateLimit).toEqual({ limit: 1, period: "4h", key: "event.data.companyId" });
    });
  });
});
