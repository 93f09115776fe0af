// The sync configuration of the middleware features' functions (logging-middleware,
// dependency-injection, actions-middleware, middleware-order, typed-context), as a generated app
// reports it over an in-band sync. Middleware adds nothing to a function's registered configuration.
export const expected: Record<string, Record<string, unknown>> = {
  "reserve-order-stock": {
    name: "reserve-order-stock",
    triggers: [{ event: "app/order.placed" }],
  },
  "summarize-ticket": {
    name: "summarize-ticket",
    triggers: [{ event: "app/ticket.created" }],
  },
  "onboard-customer": {
    name: "onboard-customer",
    triggers: [{ event: "app/user.signed-up" }],
  },
  "send-greeting": { name: "send-greeting", triggers: [{ event: "app/greeting.requested" }] },
  "store-upload": { name: "store-upload", triggers: [{ event: "app/file.uploaded" }] },
};
