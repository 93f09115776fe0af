import { Inngest } from "inngest";

// Without a signing key the client runs in cloud mode and the endpoint refuses every request.
// The dev script sets INNGEST_DEV=1 (see .env.development) so that the local Dev Server can call it.
export const inngest = new Inngest({
  id: "__APP_ID__",
  // A serverless function stops at its route's maxDuration (300 s in src/app/api/inngest/route.ts,
  // the most Vercel's Hobby plan allows): past this runtime the run goes on in a new request instead.
  checkpointing: { maxRuntime: "270s" },
});
