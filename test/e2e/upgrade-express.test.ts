import { copyFixture } from "../helpers/fixtures.js";
import { describeUpgrade } from "./upgrade-apps.js";

describeUpgrade([
  {
    name: "an Express 4 app on inngest 3.54 (EventSchemas, invoke by id, serve options, if, cron, batching, a dev/prod ternary trigger, app.use mount)",
    make: async (dir) => {
      copyFixture("upgrade-express-v3", dir);
    },
    functions: ["hello-world", "sync-order", "quote-shipping", "nightly-report", "record-activity", "clean-up"],
    planned: [".env.development", "package.json", "src/index.ts", "src/inngest/client.ts", "src/inngest/functions.ts"],
    typecheck: ["npx", ["tsc", "--noEmit"]],
    guardedMethods: true,
  },
]);
