import { eventType } from "inngest";
import { z } from "zod";

// The catalogue of typed events. A new app's src/inngest/events.ts holds the ones its functions use:
// each declaration below (comments above it included) is copied whole, once, whichever features
// need it. Each event is declared once: its name, and a zod schema that types `event.data` in the
// handlers and is checked at run time, so a malformed payload fails before the handler runs.

// typed-events: a user signed up.
export const userSignedUp = eventType("app/typed-events.user-signed-up", {
  schema: z.object({
    userId: z.string(),
    email: z.email(),
    plan: z.enum(["free", "pro"]),
  }),
});

// typed-events: the welcome email went out.
export const welcomeEmailSent = eventType("app/typed-events.welcome-email-sent", {
  schema: z.object({ userId: z.string(), template: z.string() }),
});
