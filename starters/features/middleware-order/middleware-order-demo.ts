import { inngest } from "../client";
import { greetingRequested } from "../events";
import { MiddlewareOrderInnerMiddleware, MiddlewareOrderOuterMiddleware } from "../middleware/middleware-order";

// The client's middleware runs first, then these in array order; wrap hooks nest with the first
// entry outermost, so their "after" halves run in reverse.
export const sendGreeting = inngest.createFunction(
  {
    id: "send-greeting",
    triggers: [greetingRequested],
    middleware: [MiddlewareOrderOuterMiddleware, MiddlewareOrderInnerMiddleware],
  },
  async ({ step, logger }) => {
    logger.debug("handler");
    const greeting = await step.run("middleware-order-greet", () => {
      logger.debug("step body");
      return "hello";
    });
    return { greeting };
  },
);
