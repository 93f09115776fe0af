import { eventType } from "inngest";
import { z } from "zod";
import { inngest } from "../client";

// Each event is declared once: its name, and a zod schema that types `event.data` in the
// handlers and is checked at run time, so a malformed payload fails before the handler runs.
export const userSignedUp = eventType("app/typed-events.user-signed-up", {
  schema: z.object({
    userId: z.string(),
    email: z.email(),
    plan: z.enum(["free", "pro"]),
  }),
});

export const welcomeEmailSent = eventType("app/typed-events.welcome-email-sent", {
  schema: z.object({ userId: z.string(), template: z.string() }),
});

// Call this from your app, e.g. in the sign-up route.
export async function announceSignup(user: { id: string; email: string; plan: "free" | "pro" }) {
  await inngest.send(userSignedUp.create({ userId: user.id, email: user.email, plan: user.plan }));
}

// A stub for your email provider: replace with a real call.
async function sendEmail(to: string, template: string): Promise<{ messageId: string }> {
  return { messageId: `msg-${template}-${to}` };
}

export const sendTypedWelcomeEmail = inngest.createFunction(
  { id: "typed-welcome-email", triggers: [userSignedUp] },
  async ({ event, step }) => {
    // `event.data` is typed from the schema: `plan` is "free" | "pro".
    const template = event.data.plan === "pro" ? "welcome-pro" : "welcome";
    const { messageId } = await step.run("send-email", () => sendEmail(event.data.email, template));
    await step.sendEvent("announce-email-sent", welcomeEmailSent.create({ userId: event.data.userId, template }));
    return { messageId, template };
  },
);
