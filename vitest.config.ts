import { configDefaults, defineConfig } from "vitest/config";
import SlowestFirst from "./test/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Apps that --add is tested on: their own tests run inside them, not here.
    exclude: [...configDefaults.exclude, "test/fixtures/**"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
    // The run's install cache (test/helpers/install-cache.ts).
    globalSetup: ["test/global-setup.ts"],
    sequence: { sequencer: SlowestFirst },
  },
});
