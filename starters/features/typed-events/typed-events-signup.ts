import { inngest } from "../client";
import { userSignedUp, welcomeEmailSent } from "../events";

// Call this from your app, e.g. in the sign-up route.
export async function announceSignup(user: { id: string; email: string; plan: "free" | "pro" }) {
  await inngest.send(userSignedUp.create({ userId: user.id, email: user.email, plan: user.plan }));
}

// A stub for your email provider: replace with a real call.
async function sendEmail(to: string, template: string): Promise<{ messageId: string }> {
  return { messageId: `msg-${template}-${to}` };
}

export const sendTypedWelcomeEmail = inngest.createFunction(
  { id: "send-welcome-email", triggers: [userSignedUp] },
  async ({ event, step }) => {
    // `event.data` is typed from the schema: `plan` is "free" | "pro".
    const template = event.data.plan === "pro" ? "welcome-pro" : "welcome";
    const { messageId } = await step.run("send-email", () => sendEmail(event.data.email, template));
    await step.sendEvent("announce-email-sent", welcomeEmailSent.create({ userId: event.data.userId, template }));
    return { messageId, template };
  },
);
