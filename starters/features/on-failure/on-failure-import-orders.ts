import { inngest } from "../client";
import { ordersImportRequested } from "../events";

// Stand-ins for your importer, alerting and incident log: replace with the real calls. `unreachable` makes the
// import throw, so you can watch the retries and then the failure handler from the Dev Server.
export const orderImporter = {
  async importFile(storeId: string, fileUrl: string, unreachable = false): Promise<{ imported: number }> {
    if (unreachable) throw new Error(`Could not download ${fileUrl}`);
    return { imported: storeId.length + fileUrl.length };
  },
};
export const failureLog = {
  async record(_entry: { storeId: string; fileUrl: string; error: string }): Promise<void> {},
};
export const alerts = {
  async notifyOnCall(message: string): Promise<{ alertId: string }> {
    return { alertId: `alert_${message.length}` };
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
  async ({ event, step, attempt }) => {
    // `attempt` counts from 0: `failAttempts: 4` fails all four attempts (3 retries), then onFailure runs.
    const unreachable = attempt < (event.data.failAttempts ?? 0);
    const result = await step.run("import-orders", () =>
      orderImporter.importFile(event.data.storeId, event.data.fileUrl, unreachable),
    );
    return result;
  },
);
