import { inngest } from "../client";

// Stand-in for your reporting backend: replace with the real call.
export const reports = {
  async generate(accountId: string): Promise<{ reportUrl: string }> {
    return { reportUrl: `https://reports.example.com/${accountId}.pdf` };
  },
};

export const generateReport = inngest.createFunction(
  {
    id: "generate-report-with-priority",
    // When runs are queued (e.g. by a concurrency limit), enterprise runs start as if they had been
    // enqueued 120 seconds earlier. The expression returns seconds, from -600 to 600.
    priority: { run: 'event.data.plan == "enterprise" ? 120 : 0' },
    concurrency: 10,
    triggers: [{ event: "app/priority.report-requested" }],
  },
  async ({ event, step }) => {
    return step.run("generate-report", () => reports.generate(event.data.accountId));
  },
);
