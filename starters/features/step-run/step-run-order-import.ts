import { inngest } from "../client";
import { ordersCsvUploaded } from "../events";

interface Order {
  sku: string;
  quantity: number;
}

// Stubs for your storage and chat: replace with real calls.
async function saveOrders(orders: Order[]): Promise<{ saved: number }> {
  return { saved: orders.length };
}
async function postToSlack(_message: string): Promise<void> {}

export const importOrdersCsv = inngest.createFunction(
  { id: "import-orders-csv", triggers: [ordersCsvUploaded] },
  async ({ event, step }) => {
    // A synchronous step. Its return value is stored as JSON: on later requests of the same run,
    // the step is not called again and `orders` comes from that stored result.
    const orders = await step.run("parse-csv", () => {
      const { csv } = event.data;
      return csv
        .trim()
        .split("\n")
        .map((line): Order => {
          const [sku = "", quantity = "0"] = line.split(",");
          return { sku: sku.trim(), quantity: Number(quantity) };
        });
    });

    // An asynchronous step: if it throws, only this step is retried.
    const { saved } = await step.run("save-orders", () => saveOrders(orders));

    // A step with no return value resolves to null.
    await step.run("notify-team", () => postToSlack(`Imported ${saved} orders`));

    return { saved, skus: orders.map((order) => order.sku) };
  },
);
