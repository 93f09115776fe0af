export const expected: Record<string, Record<string, unknown>> = {
  "hello-world": { name: "hello-world", triggers: [{ event: "app/hello.world" }] },
};
