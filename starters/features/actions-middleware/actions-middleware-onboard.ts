import { inngest } from "../client";
import { userSignedUp } from "../events";
import { createActionsMiddleware } from "../middleware/actions-middleware";

// Plain functions with no Inngest in them: stand-ins for your billing and email APIs.
export const onboardingServices = {
  async createCustomer(email: string): Promise<{ customerId: string }> {
    return { customerId: `cus_${email.split("@")[0]}` };
  },
  async sendWelcomeEmail(email: string, customerId: string): Promise<{ messageId: string }> {
    return { messageId: `msg_${customerId}_${email.length}` };
  },
};

export const OnboardingActions = createActionsMiddleware(onboardingServices);

export const onboardCustomer = inngest.createFunction(
  {
    id: "onboard-customer",
    triggers: [userSignedUp],
    middleware: [OnboardingActions],
  },
  async ({ event, actions }) => {
    const { customerId } = await actions.createCustomer("actions-middleware-create-customer", event.data.email);
    const { messageId } = await actions.sendWelcomeEmail(
      "actions-middleware-send-welcome",
      event.data.email,
      customerId,
    );
    return { customerId, messageId };
  },
);
