import { describePackageManagerApp } from "./package-manager-app.js";

describePackageManagerApp({ pm: "yarn", tool: "yarn4", chosenBy: "user agent", lockfile: "yarn.lock" });
