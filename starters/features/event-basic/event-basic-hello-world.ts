import { inngest } from "../client";

export const helloWorld = inngest.createFunction(
  { id: "hello-world", triggers: [{ event: "app/hello.world" }] },
  async ({ event, step }) => {
    const greeting = await step.run("make-greeting", () => {
      const name: string = event.data.name ?? "world";
      return `Hello, ${name}!`;
    });
    return { message: greeting };
  },
);
