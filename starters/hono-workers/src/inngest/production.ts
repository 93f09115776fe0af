import type { MiddlewareHandler } from "hono";
import { env } from "hono/adapter";
import { inngest } from "./client";

/**
 * In production (cloud mode) Inngest signs every request it sends to /api/inngest, and the app
 * checks the signature with its signing key. A Worker has no start-up to stop, so without the key
 * the endpoint answers every request with one line saying which secret to set.
 */
export const requireSigningKey: MiddlewareHandler = async (c, next) => {
  // The Worker's variables and secrets arrive with each request; the serve handler does the same.
  inngest.setEnvVars(env(c));
  if (inngest.mode === "dev" || inngest.signingKey) return next();
  const message =
    "INNGEST_SIGNING_KEY is not set: run `npx wrangler secret put INNGEST_SIGNING_KEY` with the signing key from your Inngest dashboard (https://app.inngest.com/env/production/manage/signing-key), or set INNGEST_DEV=1 in .env.development for local development.";
  console.error(message);
  return c.json({ message }, 500);
};
