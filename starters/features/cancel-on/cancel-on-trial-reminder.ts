import { inngest } from "../client";
import { accountDeleted, planUpgraded, trialStarted } from "../events";

// Stand-in for your email provider: replace with the real call.
export const trialEmails = {
  async sendTrialEnding(userId: string): Promise<{ emailId: string }> {
    return { emailId: `email_${userId}` };
  },
};

export const trialReminder = inngest.createFunction(
  {
    id: "send-trial-ending-reminder",
    triggers: [trialStarted],
    // Either event cancels a run that is waiting, here during the 13-day sleep.
    // `event` is the event that started the run, `async` the incoming one.
    cancelOn: [
      { event: planUpgraded, match: "data.userId" },
      { event: accountDeleted, if: "async.data.accountId == event.data.accountId" },
    ],
  },
  async ({ event, step }) => {
    await step.sleep("wait-until-trial-almost-ends", "13d");
    const email = await step.run("send-trial-ending-email", () => trialEmails.sendTrialEnding(event.data.userId));
    return { emailId: email.emailId };
  },
);
