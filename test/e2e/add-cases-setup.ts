import type { describeAdd } from "./add-apps.js";
import { copyFixture } from "../helpers/fixtures.js";

type AddCase = Parameters<typeof describeAdd>[0][number];

const fixture = (name: string) => async (dir: string) => {
  copyFixture(name, dir);
};

const helloFiles = [
  "src/inngest/events.ts",
  "src/inngest/functions/event-basic-hello-world.test.ts",
  "src/inngest/functions/event-basic-hello-world.ts",
  "src/inngest/functions/event-basic-try-it.json",
];
const inngestFiles = (appFile: string) => [
  ".env.development",
  ".env.example",
  ".cursor/mcp.json",
  ".gemini/settings.json",
  ".mcp.json",
  ".vscode/mcp.json",
  "AGENTS.md",
  "package.json",
  appFile,
  "src/inngest/client.ts",
  "src/inngest/functions/index.ts",
  "src/inngest/testing.ts",
];

/** Apps whose own test and formatter settings --add must keep to. */
export const setupCases: AddCase[] = [
  {
    name: "a Hono app whose vitest settings live in vite.config.ts (globals, vite-tsconfig-paths), with tests relying on both",
    make: fixture("hono-vite-vitest"),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    // No vitest.config.ts (vitest would prefer it, and lose the globals and the @/ alias): INNGEST_DEV
    // goes in vite.config.ts's test.env. The app's two tests and the Inngest test pass together.
    planned: [...inngestFiles("src/app.ts"), ...helloFiles, "vite.config.ts"],
    routes: [{ path: "/" }, { path: "/greet/ada" }],
    typecheck: ["npx", ["tsc", "--noEmit"]],
  },
  {
    name: "a Hono app whose biome.json says tabs",
    make: fixture("hono-biome-tabs"),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...inngestFiles("src/index.ts"), ...helloFiles, "vitest.config.ts"],
    routes: [{ path: "/" }],
    // The app's own lint: every new file indented with tabs, as its formatter says.
    typecheck: ["sh", ["-c", "npx tsc --noEmit && npx biome check ."]],
  },
];
