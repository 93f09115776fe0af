import { inngest } from "./client";

/**
 * In production (cloud mode) Inngest signs every request it sends to /api/inngest, and the app
 * checks the signature with its signing key. Without the key the endpoint would answer 500 to
 * every request, so the server stops at start-up instead, saying what to set.
 */
export function exitIfSigningKeyMissing(): void {
  if (inngest.mode === "dev" || inngest.signingKey) return;
  console.error(
    "INNGEST_SIGNING_KEY is not set: copy the signing key from your Inngest dashboard (https://app.inngest.com/env/production/manage/signing-key), or set INNGEST_DEV=1 for local development.",
  );
  process.exit(1);
}
