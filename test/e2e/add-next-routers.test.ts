import { describeAdd, nextRouterCases } from "./add-apps.js";

// Next.js apps whose router or proxy --add must handle: a proxy.ts in the route's way, the Pages Router.
describeAdd(nextRouterCases);
