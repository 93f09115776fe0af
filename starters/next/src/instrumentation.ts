// Next.js runs register() once when the server starts (`next start`, or a cold start on Vercel),
// not during `next build`, so the build needs no keys.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitIfSigningKeyMissing } = await import("./inngest/production");
  exitIfSigningKeyMissing();
}
