import { Hono } from "hono";
import { serve } from "inngest/hono";
import { inngest } from "./inngest/client";
import { functions } from "./inngest/functions";
import { requireSigningKey } from "./inngest/production";

const app = new Hono();

app.use("/api/inngest", requireSigningKey);
app.on(["GET", "PUT", "POST"], "/api/inngest", serve({ client: inngest, functions }));

app.get("/", (c) => c.text("Your Inngest app is running. The Inngest endpoint is at /api/inngest."));

export default app;
