import { copyFixture } from "../helpers/fixtures.js";
import { describeUpgrade } from "./upgrade-apps.js";

describeUpgrade([
  {
    name: "a Next.js 15 App Router app on inngest 3.54 (fromRecord with a named data type, if, rate limit, batching by key, cancelOn)",
    make: async (dir) => {
      copyFixture("upgrade-next-v3", dir);
    },
    functions: ["send-receipt", "reconcile-ledger"],
    planned: [
      ".env.development",
      "app/api/inngest/route.ts",
      "inngest/client.ts",
      "inngest/functions.ts",
      "package.json",
    ],
    typecheck: ["npx", ["tsc", "--noEmit"]],
  },
]);
