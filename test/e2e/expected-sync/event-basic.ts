import { expect } from "vitest";
import type { ExpectedRuns } from "./runs.js";

export const expected: Record<string, Record<string, unknown>> = {
  "hello-world": { name: "hello-world", triggers: [{ event: "app/hello.world" }] },
};

export const runs: ExpectedRuns = {
  "event-basic": [
    {
      title: "runs hello-world: the step first, then the return value",
      functionId: "hello-world",
      event: { name: "app/hello.world", data: { name: "Ada" } },
      requests: [
        {
          status: 206,
          body: [expect.objectContaining({ op: "StepRun", name: "make-greeting", data: "Hello, Ada!" })],
        },
        { steps: { "make-greeting": "Hello, Ada!" }, status: 200, body: { message: "Hello, Ada!" } },
      ],
    },
  ],
};
