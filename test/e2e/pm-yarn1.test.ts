import { describePackageManagerApp } from "./package-manager-app.js";

describePackageManagerApp({ pm: "yarn", tool: "yarn", chosenBy: "flag", lockfile: "yarn.lock" });
