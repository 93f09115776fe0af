import type { Feature } from "./feature.js";

export const rateLimit: Feature = {
  id: "rate-limit",
  label: "Rate limit",
  group: "Flow control",
  description: "At most 1 run per company every 4 hours; extra events are skipped",
  files: ["rate-limit-refresh-company.ts", "rate-limit-refresh-company.test.ts", "rate-limit-try-it.json"],
  functions: [{ exportName: "refreshCompanyProfile", file: "rate-limit-refresh-company.ts" }],
  events: ["companyRefreshRequested"],
};
