import { describeAdd, nextRouterCases } from "./add-apps.js";

// Next.js apps whose router or middleware --add must handle: a proxy.ts or src/middleware.ts in the
// route's way, the Pages Router.
describeAdd(nextRouterCases);
