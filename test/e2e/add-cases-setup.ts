import { type describeAdd, helloFiles, nodePlanned } from "./add-apps.js";
import { copyFixture } from "../helpers/fixtures.js";

type AddCase = Parameters<typeof describeAdd>[0][number];

const fixture = (name: string) => async (dir: string) => {
  copyFixture(name, dir);
};

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
    planned: [
      ...nodePlanned("src/app.ts").filter((file) => file !== "vitest.config.ts"),
      ...helloFiles("src/"),
      "vite.config.ts",
    ],
    routes: [{ path: "/" }, { path: "/greet/ada" }],
    typecheck: ["npx", ["tsc", "--noEmit"]],
  },
  {
    name: "a Hono app whose biome.json says tabs",
    make: fixture("hono-biome-tabs"),
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nodePlanned("src/index.ts"), ...helloFiles("src/")],
    routes: [{ path: "/" }],
    // The app's own lint: every new file indented with tabs, as its formatter says.
    typecheck: ["sh", ["-c", "npx tsc --noEmit && npx biome check ."]],
  },
];
