import { describePackageManagerApp } from "./package-manager-app.js";

describePackageManagerApp({ pm: "pnpm", tool: "pnpm", chosenBy: "user agent", lockfile: "pnpm-lock.yaml" });
