import express from "express";
import { serve } from "inngest/express";
import { inngest } from "./inngest/client.js";
import { functions } from "./inngest/functions/index.js";
import { exitIfSigningKeyMissing } from "./inngest/production.js";

exitIfSigningKeyMissing();

const app = express();

// Inngest sends JSON bodies; without this parser every execution request answers 401. Its requests
// can carry up to 4 MB of event and step data, above express.json's default limit of 100 kB.
app.use(express.json({ limit: "10mb" }));
// Only GET, PUT and POST reach the Inngest handler (PATCH, OPTIONS, DELETE... answer 405).
app.use("/api/inngest", (req, res, next) => (/^(GET|PUT|POST)$/.test(req.method) ? next() : res.sendStatus(405)));
app.use("/api/inngest", serve({ client: inngest, functions }));

app.get("/", (_req, res) => {
  res.send("Your Inngest app is running. The Inngest endpoint is at /api/inngest.");
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => {
  console.log(`Listening on http://localhost:${port} (Inngest endpoint: /api/inngest)`);
});
