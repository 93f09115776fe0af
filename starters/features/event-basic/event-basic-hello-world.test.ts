import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEndpoint, type TestEndpoint } from "../testing";
import { helloWorld } from "./event-basic-hello-world";
import { helloWorldRequested } from "../events";

describe("hello-world", () => {
  it("greets the name sent in the event", async () => {
    const engine = new InngestTestEngine({ function: helloWorld });
    const { result } = await engine.execute({
      events: [helloWorldRequested.create({ name: "Ada" })],
    });
    expect(result).toEqual({ message: "Hello, Ada!" });
  });

  it("falls back to 'world' in the make-greeting step", async () => {
    const engine = new InngestTestEngine({ function: helloWorld });
    const { result } = await engine.executeStep("make-greeting", {
      events: [helloWorldRequested.create({})],
    });
    expect(result).toBe("Hello, world!");
  });

  describe("over HTTP", () => {
    let endpoint: TestEndpoint;
    beforeAll(async () => {
      endpoint = await startTestEndpoint([helloWorld]);
    });
    afterAll(() => endpoint.close());

    it("registers with its event trigger", async () => {
      const [fn] = await endpoint.sync();
      expect(fn?.triggers).toEqual([{ event: "app/hello.world" }]);
    });

    it("runs the step, then returns once the step result is sent back", async () => {
      const events = [helloWorldRequested.create({ name: "Ada" })];
      const first = await endpoint.execute("hello-world", { events });
      expect(first.status).toBe(206);
      expect(first.body).toEqual([
        expect.objectContaining({ op: "StepRun", name: "make-greeting", data: "Hello, Ada!" }),
      ]);

      const done = await endpoint.execute("hello-world", { events, steps: { "make-greeting": "Hello, Ada!" } });
      expect(done).toEqual({ status: 200, body: { message: "Hello, Ada!" } });
    });
  });
});
