import { inngest } from "../client";
import { planUpgraded, profileCompleted, userSignedUp } from "../events";

// A stub for your email provider: replace with a real call.
async function sendEmail(email: string, template: string): Promise<string> {
  return `${template} sent to ${email}`;
}

export const onboardingProfileFollowUp = inngest.createFunction(
  { id: "onboarding-profile-follow-up", triggers: [userSignedUp] },
  async ({ event, step }) => {
    const { email } = event.data;

    // `match` pairs the two events on one field: only a profile-completed event whose
    // `data.userId` equals this run's `event.data.userId` resumes this run.
    const profile = await step.waitForEvent("wait-for-profile", {
      event: profileCompleted,
      match: "data.userId",
      timeout: "3d",
    });

    // `null` means the timeout passed without a matching event.
    if (profile === null) {
      await step.run("send-profile-nudge", () => sendEmail(email, "complete-your-profile"));
      return { profileCompleted: false, upgraded: false };
    }

    // `if` takes any CEL expression: `event` is the event that started this run,
    // `async` the event being waited for.
    const upgrade = await step.waitForEvent("wait-for-upgrade", {
      event: planUpgraded,
      if: "async.data.userId == event.data.userId && async.data.plan == 'pro'",
      timeout: "14d",
    });
    if (upgrade === null) {
      await step.run("send-upgrade-offer", () => sendEmail(email, "upgrade-offer"));
      return { profileCompleted: true, upgraded: false };
    }

    return { profileCompleted: true, upgraded: true };
  },
);
