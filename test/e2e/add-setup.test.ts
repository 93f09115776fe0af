import { describeAdd } from "./add-apps.js";
import { setupCases } from "./add-cases-setup.js";

// Apps with test settings of their own (vitest in vite.config.ts) and a formatter that says tabs.
describeAdd(setupCases);
