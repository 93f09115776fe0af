import { inngest } from "../client";
import { accountSyncRequested } from "../events";

// Stubs for your database and the external service: replace with real calls.
async function loadActiveAccounts(): Promise<{ id: string; plan: string }[]> {
  return [
    { id: "acc_1", plan: "pro" },
    { id: "acc_2", plan: "free" },
    { id: "acc_3", plan: "pro" },
  ];
}
async function syncAccount(accountId: string): Promise<{ records: number }> {
  return { records: accountId.length * 10 };
}

// The scheduler only lists the work; each item becomes its own run of the worker below, with
// its own retries, so one failing account does not hold up or repeat the others.
export const scheduleAccountSyncs = inngest.createFunction(
  { id: "schedule-account-syncs", triggers: [{ cron: "0 * * * *" }] },
  async ({ step }) => {
    const accounts = await step.run("load-accounts", () => loadActiveAccounts());
    if (accounts.length === 0) return { scheduled: 0 };

    // A step: once the events are sent, a later retry of this run does not send them again.
    await step.sendEvent(
      "fan-out-account-syncs",
      accounts.map((account) => accountSyncRequested.create({ accountId: account.id })),
    );
    return { scheduled: accounts.length };
  },
);

export const syncOneAccount = inngest.createFunction(
  { id: "sync-account", triggers: [accountSyncRequested] },
  async ({ event, step }) => {
    const { accountId } = event.data;
    const { records } = await step.run("sync-account", () => syncAccount(accountId));
    return { accountId, records };
  },
);
