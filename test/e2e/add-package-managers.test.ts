import { describeAdd, packageManagerCases } from "./add-apps.js";

// The same add cycle as npm apps go through, with pnpm (a workspace package), yarn 1 and bun.
describeAdd(packageManagerCases);
