import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { helloWorld } from "./hello-world";

describe("hello-world", () => {
  it("greets the name sent in the event", async () => {
    const engine = new InngestTestEngine({ function: helloWorld });
    const { result } = await engine.execute({
      events: [{ name: "app/hello.world", data: { name: "Ada" } }],
    });
    expect(result).toEqual({ message: "Hello, Ada!" });
  });

  it("falls back to 'world' in the make-greeting step", async () => {
    const engine = new InngestTestEngine({ function: helloWorld });
    const { result } = await engine.executeStep("make-greeting", {
      events: [{ name: "app/hello.world", data: {} }],
    });
    expect(result).toBe("Hello, world!");
  });
});
