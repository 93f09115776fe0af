import { inngest } from "../client";

// Stand-in for a paid enrichment API: replace with the real call.
export const enrichment = {
  async companyProfile(companyId: string): Promise<{ companyId: string; employees: number }> {
    return { companyId, employees: 42 };
  },
};

export const refreshCompanyProfile = inngest.createFunction(
  {
    id: "refresh-company-profile-rate-limited",
    // At most one run per company every 4 hours. Events over the limit are skipped, not queued.
    rateLimit: { limit: 1, period: "4h", key: "event.data.companyId" },
    triggers: [{ event: "app/rate-limit.company-refresh-requested" }],
  },
  async ({ event, step }) => {
    return step.run("fetch-company-profile", () => enrichment.companyProfile(event.data.companyId));
  },
);
