import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { inngest } from "../client";
import type { LoggingMiddlewareLevel } from "../middleware/logging-middleware";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { reserveOrderStock } from "./logging-middleware-demo";
import { orderPlaced } from "../events";

const fnId = "reserve-order-stock";
const event = orderPlaced.create({ orderId: "o1", items: ["book"] });
const reserved = { reservationId: "res_o1" };

describe("reserve-order-stock over HTTP", () => {
  const lines: [LoggingMiddlewareLevel, string][] = [];
  const sentToInngest: unknown[] = [];
  let eventApi: Server;
  let endpoint: TestEndpoint;

  beforeAll(async () => {
    // A loopback stand-in for Inngest's event API, so that step.sendEvent really sends.
    eventApi = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        sentToInngest.push(...(JSON.parse(body) as unknown[]));
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ status: 200, ids: ["evt-1"] }));
      });
    });
    await new Promise<void>((resolve) => eventApi.listen(0, "127.0.0.1", resolve));
    inngest.setEnvVars({ INNGEST_EVENT_API_BASE_URL: `http://127.0.0.1:${(eventApi.address() as AddressInfo).port}/` });
    endpoint = await startTestEndpoint([reserveOrderStock]);
  });
  // The middleware writes to the client's logger: record the lines it writes there.
  beforeEach(() => {
    for (const level of ["info", "error"] as const) {
      vi.spyOn(inngest.logger, level).mockImplementation((line: unknown) => {
        if (typeof line === "string" && line.startsWith("[")) lines.push([level, line]);
      });
    }
  });
  afterEach(() => {
    lines.length = 0;
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await endpoint.close();
    await new Promise((resolve) => eventApi.close(resolve));
  });

  it("logs each request of a run in hook order, and leaves the steps and the result untouched", async () => {
    const first = await endpoint.execute(fnId, { events: [event] });
    expect(first).toMatchObject({
      status: 206,
      body: [{ op: "StepRun", name: "logging-middleware-reserve-stock", data: reserved }],
    });
    expect(lines).toEqual([
      ["info", "[reserve-order-stock] run test-run started by app/order.placed"],
      ["info", "[reserve-order-stock] executing"],
      ["info", "[reserve-order-stock] step logging-middleware-reserve-stock started"],
      ["info", "[reserve-order-stock] step logging-middleware-reserve-stock completed"],
    ]);

    lines.length = 0;
    const second = await endpoint.execute(fnId, {
      events: [event],
      steps: { "logging-middleware-reserve-stock": reserved },
    });
    expect(second).toMatchObject({
      status: 206,
      body: [{ op: "StepRun", displayName: "logging-middleware-announce-order", data: { ids: ["evt-1"] } }],
    });
    expect(sentToInngest).toEqual([
      expect.objectContaining({
        name: "app/order.confirmed",
        data: { orderId: "o1", reservationId: "res_o1" },
      }),
    ]);
    // No "run started" on a replay, and the memoised reserve-stock step is not logged again.
    expect(lines).toEqual([
      ["info", "[reserve-order-stock] executing"],
      ["info", "[reserve-order-stock] step logging-middleware-announce-order started"],
      ["info", "[reserve-order-stock] sending 1 event(s): app/order.confirmed"],
      ["info", "[reserve-order-stock] sent event id(s): evt-1"],
      ["info", "[reserve-order-stock] step logging-middleware-announce-order completed"],
    ]);

    lines.length = 0;
    const done = await endpoint.execute(fnId, {
      events: [event],
      steps: { "logging-middleware-reserve-stock": reserved, "logging-middleware-announce-order": { ids: ["evt-1"] } },
    });
    expect(done).toEqual({ status: 200, body: { orderId: "o1", ...reserved } });
    expect(lines).toEqual([
      ["info", "[reserve-order-stock] executing"],
      ["info", "[reserve-order-stock] handler returned"],
      ["info", "[reserve-order-stock] run test-run completed"],
    ]);
  });

  it("logs a failing step as an error that will be retried", async () => {
    const answer = await endpoint.execute(fnId, { events: [{ ...event, data: { orderId: "o2", items: [] } }] });
    expect(answer).toMatchObject({
      status: 206,
      body: [{ op: "StepError", name: "logging-middleware-reserve-stock" }],
    });
    expect(lines).toContainEqual([
      "error",
      "[reserve-order-stock] step logging-middleware-reserve-stock: failed (will retry): order o2 has no items",
    ]);
  });

  it("logs the run's failure once the step has used all its attempts", async () => {
    const answer = await endpoint.execute(fnId, {
      events: [event],
      failedSteps: { "logging-middleware-reserve-stock": { message: "order o1 has no items" } },
    });
    // The step's final error fails the run without a retry: 400, not 500.
    expect(answer).toMatchObject({ status: 400, body: { message: "order o1 has no items" } });
    expect(lines).toEqual([
      ["info", "[reserve-order-stock] executing"],
      ["error", "[reserve-order-stock] run test-run: failed (final attempt): order o1 has no items"],
    ]);
  });
});
