import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Dev mode lets tests call the Inngest endpoint without a signing key.
    env: { INNGEST_DEV: "1" },
  },
});
