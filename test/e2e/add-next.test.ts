import { describeAdd, nextCases } from "./add-apps.js";

// Apps made by the real create-next-app from the registry, with and without src/.
describeAdd(nextCases);
