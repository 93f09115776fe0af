import { copyFixture } from "../helpers/fixtures.js";
import { describeUpgrade } from "./upgrade-apps.js";

describeUpgrade([
  {
    name: "a Hono app on Node.js, inngest 3.54 (fromZod schemas, throttle with burst, priority, idempotency, cancelOn, two concurrency keys, cron and event triggers)",
    make: async (dir) => {
      copyFixture("upgrade-hono-v3", dir);
    },
    functions: ["send-welcome", "weekly-digest"],
    planned: [".env.development", "package.json", "src/index.ts", "src/inngest/client.ts", "src/inngest/functions.ts"],
    typecheck: ["npx", ["tsc", "--noEmit"]],
  },
]);
