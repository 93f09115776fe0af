import { inngest } from "../client";
import { helloWorldRequested } from "../events";

export const helloWorld = inngest.createFunction(
  { id: "hello-world", triggers: [helloWorldRequested] },
  async ({ event, step }) => {
    const greeting = await step.run("make-greeting", () => {
      const name = event.data.name ?? "world";
      return `Hello, ${name}!`;
    });
    return { message: greeting };
  },
);
