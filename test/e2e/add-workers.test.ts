import { describeAdd, workerCases } from "./add-apps.js";

// A Hono app on Cloudflare Workers: --add mounts the handler, and `wrangler dev` serves it in workerd.
describeAdd(workerCases);
