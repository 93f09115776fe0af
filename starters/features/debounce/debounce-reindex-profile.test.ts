import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { reindexProfile } from "./debounce-reindex-profile";
import { profileUpdated } from "../events";

const event = profileUpdated.create({ userId: "user_1" });

describe("reindex-profile", () => {
  it("reindexes the user's profile", async () => {
    const { result } = await new InngestTestEngine({ function: reindexProfile }).execute({ events: [event] });
    expect(result).toEqual({ indexed: "user_1" });
  });

  // Inngest holds the events and starts the run once they pause (@inngest/test ignores it):
  // check what the function registers.
  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([reindexProfile]);
    });
    afterAll(() => endpoint.close());

    it("registers a 5-second debounce per user", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.debounce).toEqual({ period: "5s", key: "event.data.userId" });
    });
  });
});
