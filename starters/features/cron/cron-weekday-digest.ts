import { inngest } from "../client";

// A stub for your data source: replace with a database query.
async function loadOpenTasks(): Promise<{ id: string; title: string; dueToday: boolean }[]> {
  return [
    { id: "t1", title: "Review the launch checklist", dueToday: true },
    { id: "t2", title: "Reply to the accountant", dueToday: false },
  ];
}

export const weekdayDigest = inngest.createFunction(
  {
    id: "weekday-digest",
    // 09:00 New York time, Monday to Friday. Without `TZ=` the schedule is in UTC.
    triggers: [{ cron: "TZ=America/New_York 0 9 * * 1-5" }],
  },
  async ({ step }) => {
    const tasks = await step.run("load-open-tasks", () => loadOpenTasks());
    const dueToday = tasks.filter((task) => task.dueToday);
    return { openTasks: tasks.length, dueToday: dueToday.map((task) => task.title) };
  },
);
