import { describe, expect, it } from "vitest";
import { devScriptPort, devScriptWithEnv } from "../../src/app/edits/dev-script.js";

describe("devScriptWithEnv", () => {
  it.each([
    ["tsx watch src/server.ts", "tsx watch --env-file=.env.development src/server.ts"],
    ["tsx src/main.ts", "tsx --env-file=.env.development src/main.ts"],
    [
      "tsx watch --clear-screen=false src/app.ts",
      "tsx watch --env-file=.env.development --clear-screen=false src/app.ts",
    ],
    ["node --watch dist/index.js", "node --env-file=.env.development --watch dist/index.js"],
    ["node --import tsx src/server.ts", "node --env-file=.env.development --import tsx src/server.ts"],
    ["nodemon src/server.ts", "INNGEST_DEV=1 nodemon src/server.ts"],
    ["ts-node src/server.ts", "INNGEST_DEV=1 ts-node src/server.ts"],
  ])("%s", (script, expected) => {
    expect(devScriptWithEnv(script)).toBe(expected);
  });

  it.each([
    "tsc && node dist/index.js",
    "concurrently 'tsc -w' 'node --watch dist/index.js'",
    "vite-node src/server.ts",
    "bun --watch src/index.ts",
    "nodex src/a.ts",
  ])("leaves %s to the user", (script) => {
    expect(devScriptWithEnv(script)).toBeUndefined();
  });
});

describe("devScriptPort", () => {
  it.each([
    ["next dev", 3000],
    ["next dev --turbopack", 3000],
    ["next dev -p 4000", 4000],
    ["next dev --port=4100", 4100],
    ["vite", 5173],
    ["vite dev", 5173],
    ["vite --port 3000", 3000],
    ["wrangler dev", 8787],
    ["wrangler dev --env-file .env.development", 8787],
    ["wrangler dev --port 9000", 9000],
    ["INNGEST_DEV=1 next dev", 3000],
    ["PORT=4200 tsx watch src/index.ts", 4200],
  ])("%s serves on %i", (script, port) => {
    expect(devScriptPort(script)).toBe(port);
  });

  it.each(["tsx watch src/index.ts", "node --watch dist/index.js", "vite-node src/server.ts", "nextjs-dev"])(
    "%s: the app's own code picks the port",
    (script) => {
      expect(devScriptPort(script)).toBeUndefined();
    },
  );
});
