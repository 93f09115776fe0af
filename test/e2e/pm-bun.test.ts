import { describePackageManagerApp } from "./package-manager-app.js";

describePackageManagerApp({ pm: "bun", tool: "bun", chosenBy: "flag", lockfile: "bun.lock" });
