import { serve } from "inngest/next";
import { inngest } from "../../../inngest/client";
import { functions } from "../../../inngest/functions";

// The longest one request to this route may run on Vercel, in seconds; keep checkpointing's
// maxRuntime in src/inngest/client.ts below it.
export const maxDuration = 300;

export const { GET, POST, PUT } = serve({ client: inngest, functions });
