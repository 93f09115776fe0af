// The sync configuration of the middleware features' functions (logging-middleware,
// dependency-injection, actions-middleware, middleware-order, typed-context), as a generated app
// reports it over an in-band sync. Middleware adds nothing to a function's registered configuration.
export const expected: Record<string, Record<string, unknown>> = {
  "logging-middleware-demo": {
    name: "logging-middleware-demo",
    triggers: [{ event: "app/logging-middleware.order-placed" }],
  },
  "dependency-injection-summarize": {
    name: "dependency-injection-summarize",
    triggers: [{ event: "app/dependency-injection.ticket-opened" }],
  },
  "actions-middleware-onboard": {
    name: "actions-middleware-onboard",
    triggers: [{ event: "app/actions-middleware.user-signed-up" }],
  },
  "middleware-order-demo": { name: "middleware-order-demo", triggers: [{ event: "app/middleware-order.requested" }] },
  "typed-context-upload": { name: "typed-context-upload", triggers: [{ event: "app/typed-context.file-uploaded" }] },
};
