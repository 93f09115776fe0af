import { inngest } from "../client";
import { trialStarted } from "../events";

// A stub for your email provider: replace with a real call.
async function sendEmail(userId: string, template: string): Promise<string> {
  return `${template} sent to ${userId}`;
}

export const trialReminderEmails = inngest.createFunction(
  { id: "trial-reminder-emails", triggers: [trialStarted] },
  async ({ event, step }) => {
    const { userId } = event.data;
    const trialEndsAt = new Date(event.data.trialEndsAt);

    // Sleeping costs nothing: the run is paused on Inngest's side and resumes with a new request.
    await step.sleep("wait-a-day", "1d");
    await step.run("send-tips", () => sendEmail(userId, "trial-tips"));

    // Durations are strings such as "30m", "2h", "3d", or a number of milliseconds.
    await step.sleep("wait-three-days", 3 * 24 * 60 * 60 * 1000);
    await step.run("send-case-study", () => sendEmail(userId, "case-study"));

    // Resume at a date: one day before the trial ends.
    await step.sleepUntil("wait-until-day-before-end", new Date(trialEndsAt.getTime() - 24 * 60 * 60 * 1000));
    await step.run("send-trial-ending", () => sendEmail(userId, "trial-ending"));

    return { userId, emails: 3 };
  },
);
