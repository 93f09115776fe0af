import type { Feature } from "./feature.js";

export const middlewareOrder: Feature = {
  id: "middleware-order",
  label: "Middleware order",
  group: "Middleware",
  description:
    "Client middleware and two function middleware that trace their hooks, with a test of the order they run and unwind in",
  files: ["middleware-order-demo.ts", "middleware-order-demo.test.ts", "middleware-order-try-it.json"],
  middlewareFiles: ["middleware-order.ts"],
  clientMiddleware: [{ exportName: "MiddlewareOrderClientMiddleware", file: "middleware-order.ts" }],
  functions: [{ exportName: "sendGreeting", file: "middleware-order-demo.ts" }],
  events: ["greetingRequested"],
};
