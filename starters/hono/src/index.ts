import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { serve as serveInngest } from "inngest/hono";
import { inngest } from "./inngest/client.js";
import { functions } from "./inngest/functions/index.js";
import { exitIfSigningKeyMissing } from "./inngest/production.js";

exitIfSigningKeyMissing();

const app = new Hono();

app.on(["GET", "PUT", "POST"], "/api/inngest", serveInngest({ client: inngest, functions }));

app.get("/", (c) => c.text("Your Inngest app is running. The Inngest endpoint is at /api/inngest."));

const port = Number(process.env.PORT ?? 3000);
serve({ fetch: app.fetch, port }, (info) => {
  console.log(`Listening on http://localhost:${info.port} (Inngest endpoint: /api/inngest)`);
});
