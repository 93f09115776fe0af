import { inngest } from "../client";
import { reportRequested } from "../events";

// Stand-in for your reporting backend: replace with the real call.
export const reports = {
  async generate(accountId: string): Promise<{ reportUrl: string }> {
    return { reportUrl: `https://reports.example.com/${accountId}.pdf` };
  },
};

export const generateReport = inngest.createFunction(
  {
    id: "generate-report",
    // When runs are queued (e.g. by a concurrency limit), enterprise runs start as if they had been
    // enqueued 120 seconds earlier. The expression returns seconds, from -600 to 600.
    priority: { run: 'event.data.plan == "enterprise" ? 120 : 0' },
    concurrency: 10,
    triggers: [reportRequested],
  },
  async ({ event, step }) => {
    return step.run("generate-report", () => reports.generate(event.data.accountId));
  },
);
