import { inngest } from "../client";
import { ordersImportRequested } from "../events";

// Stand-ins for your importer, alerting and logging: replace with the real calls.
export const orderImporter = {
  async importFile(storeId: string, fileUrl: string): Promise<{ imported: number }> {
    return { imported: storeId.length + fileUrl.length };
  },
};
export const alerts = {
  async notifyOnCall(message: string): Promise<{ alertId: string }> {
    return { alertId: `alert_${message.length}` };
  },
};
export const failureLog = {
  async record(entry: { storeId: string; fileUrl: string; error: string }): Promise<void> {
    console.error("order import failed", entry);
  },
};

export const importOrders = inngest.createFunction(
  {
    id: "import-store-orders",
    retries: 3,
    triggers: [ordersImportRequested],
    // Runs once, after the last retry has failed. It is registered as a separate function,
    // "import-store-orders-failure", triggered by an "inngest/function.failed" event.
    onFailure: async ({ event, error, step }) => {
      // The event that started the failed run.
      const { storeId, fileUrl } = event.data.event.data;
      const alert = await step.run("alert-on-call", () =>
        alerts.notifyOnCall(`Order import for store ${storeId} failed: ${error.message}`),
      );
      await step.run("log-failure", () => failureLog.record({ storeId, fileUrl, error: error.message }));
      return { alertId: alert.alertId };
    },
  },
  async ({ event, step }) => {
    const result = await step.run("import-orders", () =>
      orderImporter.importFile(event.data.storeId, event.data.fileUrl),
    );
    return result;
  },
);
