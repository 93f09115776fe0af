import { InngestTestEngine } from "@inngest/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { cleanupExpiredSessions } from "./env-triggers-cleanup";
import { sessionsCleanupRequested } from "../events";

describe("cleanup-expired-sessions", () => {
  it("deletes the expired sessions in a step", async () => {
    const engine = new InngestTestEngine({ function: cleanupExpiredSessions });
    const { result, ctx } = await engine.execute({
      events: [sessionsCleanupRequested.create({})],
    });
    expect(ctx.step.run).toHaveBeenCalledWith("delete-expired-sessions", expect.any(Function));
    expect(result).toEqual({ deleted: 42 });
  });

  describe("over HTTP", () => {
    let endpoint: TestEndpoint | undefined;
    afterEach(async () => {
      await endpoint?.close();
      vi.unstubAllEnvs();
    });

    it("in development (INNGEST_DEV=1, as in the tests), registers the manual event only", async () => {
      endpoint = await startTestEndpoint([cleanupExpiredSessions]);
      const [fn] = await endpoint.sync();
      expect(fn?.triggers).toEqual([{ event: "app/sessions.cleanup-requested" }]);
    });

    it("in production (cloud mode), registers the nightly cron only", async () => {
      // The client reads the environment when it is created: load a fresh copy of the module
      // (and of its client) with INNGEST_DEV turned off.
      vi.stubEnv("INNGEST_DEV", "0");
      vi.resetModules();
      const production = await import("./env-triggers-cleanup");
      vi.unstubAllEnvs();

      endpoint = await startTestEndpoint([production.cleanupExpiredSessions]);
      const [fn] = await endpoint.sync();
      expect(fn?.triggers).toEqual([{ cron: "0 3 * * *" }]);
    });
  });
});
