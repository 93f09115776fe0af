import { inngest } from "../client";
import { orderConfirmed, orderPlaced } from "../events";

// Stand-in for your inventory service: replace with the real call.
export const inventory = {
  async reserve(orderId: string, items: string[]): Promise<{ reservationId: string }> {
    if (items.length === 0) throw new Error(`order ${orderId} has no items`);
    return { reservationId: `res_${orderId}` };
  },
};

// Nothing here logs: the LoggingMiddleware registered on the client logs every run, step and sent event.
export const reserveOrderStock = inngest.createFunction(
  { id: "reserve-order-stock", triggers: [orderPlaced] },
  async ({ event, step }) => {
    const { reservationId } = await step.run("logging-middleware-reserve-stock", () =>
      inventory.reserve(event.data.orderId, event.data.items),
    );
    await step.sendEvent(
      "logging-middleware-announce-order",
      orderConfirmed.create({ orderId: event.data.orderId, reservationId }),
    );
    return { orderId: event.data.orderId, reservationId };
  },
);
