import type { Feature } from "./feature.js";

export const loggingMiddleware: Feature = {
  id: "logging-middleware",
  label: "Logging middleware",
  group: "Middleware",
  description:
    "Client middleware that logs every run's start, steps, sent events, errors and end, through a replaceable output",
  files: ["logging-middleware-demo.ts", "logging-middleware-demo.test.ts", "logging-middleware-try-it.json"],
  middlewareFiles: ["logging-middleware.ts"],
  clientMiddleware: [{ exportName: "LoggingMiddleware", file: "logging-middleware.ts" }],
  functions: [{ exportName: "reserveOrderStock", file: "logging-middleware-demo.ts" }],
  events: ["orderPlaced", "orderConfirmed"],
};
