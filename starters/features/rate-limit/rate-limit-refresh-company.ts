import { inngest } from "../client";
import { companyRefreshRequested } from "../events";

// Stand-in for a paid enrichment API: replace with the real call.
export const enrichment = {
  async companyProfile(companyId: string): Promise<{ companyId: string; employees: number }> {
    return { companyId, employees: 42 };
  },
};

export const refreshCompanyProfile = inngest.createFunction(
  {
    id: "refresh-company-profile",
    // At most one run per company every 4 hours. Events over the limit are skipped, not queued.
    rateLimit: { limit: 1, period: "4h", key: "event.data.companyId" },
    triggers: [companyRefreshRequested],
  },
  async ({ event, step }) => {
    return step.run("fetch-company-profile", () => enrichment.companyProfile(event.data.companyId));
  },
);
