import { describeAdd, workerCases } from "./add-apps.js";

// Hono apps on Cloudflare Workers: --add mounts the handler, and the app's own `wrangler dev` or
// Vite (with @cloudflare/vite-plugin) serves it in workerd.
describeAdd(workerCases);
