import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { importContacts } from "./throttle-import-contacts";
import { contactsImportRequested } from "../events";

const event = contactsImportRequested.create({ userId: "user_1" });

describe("import-contacts", () => {
  it("imports the user's contacts", async () => {
    const { result } = await new InngestTestEngine({ function: importContacts }).execute({ events: [event] });
    expect(result).toEqual({ imported: 6 });
  });

  // Inngest delays run starts over the limit (@inngest/test ignores it): check what the function
  // registers.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([importContacts]);
    });
    afterAll(() => endpoint.close());

    it("registers 1 run start per user every 5 seconds, with a burst of 2", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.throttle).toEqual({ limit: 1, period: "5s", burst: 2, key: "event.data.userId" });
    });
  });
});
