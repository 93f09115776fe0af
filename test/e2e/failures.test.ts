import { chmodSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect } from "vitest";
import { cliPath, hasStackTrace, makeTempDir, runCli } from "../helpers/cli.js";
import { userEnv } from "../helpers/env.js";
import { failureMatrix } from "../helpers/matrix.js";
import { run, runOrThrow } from "../helpers/process.js";
import { snapshot } from "../helpers/snapshot.js";

const quick = ["--framework", "express", "--features", "event-basic", "--no-install", "--no-git"];
const OLD_NODE_VERSION = "18.20.8";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir("cia-fail-");
});
afterEach(async () => {
  await temp.remove();
});

describe("failures outside the user's input", () => {
  const matrix = failureMatrix("Failures outside the user's input");
  let oldNode: string;

  beforeAll(async () => {
    // A real older Node.js, from the registry's `node` package, shared between runs.
    const prefix = path.join(os.tmpdir(), `cia-node-${OLD_NODE_VERSION}`);
    oldNode = path.join(prefix, "node_modules", ".bin", "node");
    if (!existsSync(oldNode)) {
      await runOrThrow("npm", ["install", "--no-save", "--prefix", prefix, `node@${OLD_NODE_VERSION}`]);
    }
    expect((await runOrThrow(oldNode, ["-v"])).stdout).toBe(`v${OLD_NODE_VERSION}`);
  }, 180_000);

  matrix.row("Node older than 20.19: a clear message before anything runs", async () => {
    const result = await run(oldNode, [cliPath, "my-app", ...quick], { cwd: temp.dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `create-inngest-app needs Node.js 20.19 or newer; this is ${OLD_NODE_VERSION}. Install a newer Node.js and run it again.`,
    );
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  matrix.row("a parent directory that is not writable", async () => {
    chmodSync(temp.dir, 0o755); // mkdtemp makes it 0700: `nobody` could not even look inside
    const parent = path.join(temp.dir, "locked");
    mkdirSync(parent, { mode: 0o755 });
    // Root may write anywhere, so the CLI runs as the unprivileged user `nobody`.
    const result = await run(
      "setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, cliPath, "app", ...quick],
      { cwd: parent, env: userEnv({ HOME: os.tmpdir(), NO_COLOR: "1" }) },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(`✖ Cannot write to ${parent}: permission denied. Choose a directory you can write to.`);
    expect(readdirSync(parent)).toEqual([]);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    matrix.row(
      `${signal} at any moment: a whole project or none, never a half-written one`,
      async () => {
        const complete = path.join(temp.dir, "reference");
        const started = Date.now();
        expect((await runCli(["reference", ...quick], { cwd: temp.dir })).exitCode).toBe(0);
        const fullRunMs = Date.now() - started;
        const completeTree = Object.keys(snapshot(complete)).sort();

        // Signals from the very start to past the end of a full run (timed above, so a loaded
        // machine stretches the delays too), until some runs were cut short and some completed.
        const outcomes = { none: 0, interrupted: 0, complete: 0 };
        const step = Math.max(5, Math.round(fullRunMs / 16));
        for (
          let attempt = 0, delay = 0;
          attempt < 26 || (outcomes.complete === 0 && attempt < 80);
          attempt++, delay += step
        ) {
          const parent = path.join(temp.dir, `run-${attempt}`);
          mkdirSync(parent);
          const interrupt = new AbortController();
          setTimeout(() => interrupt.abort(), delay);
          const result = await run("node", [cliPath, "my-app", ...quick], {
            cwd: parent,
            signal: interrupt.signal,
            killSignal: signal,
          });

          const left = readdirSync(parent);
          expect(
            left.filter((entry) => entry !== "my-app"),
            `staging left after ${delay} ms`,
          ).toEqual([]);
          if (left.includes("my-app")) {
            expect(Object.keys(snapshot(path.join(parent, "my-app"))).sort()).toEqual(completeTree);
            outcomes.complete++;
          } else if (result.exitCode === (signal === "SIGINT" ? 130 : 143)) {
            outcomes.interrupted++;
          } else {
            outcomes.none++;
          }
        }
        console.log(`${signal} during ${Object.values(outcomes).reduce((a, b) => a + b)} runs:`, outcomes);
        // The signal must have landed in the middle of some runs, or this proved nothing.
        expect(outcomes.interrupted + outcomes.none).toBeGreaterThan(0);
        expect(outcomes.complete).toBeGreaterThan(0);
      },
      120_000,
    );
  }

  matrix.row("a successful run writes nothing outside the target", async () => {
    const before = snapshot(temp.dir);
    const result = await runCli(["my-app", ...quick], { cwd: temp.dir });
    expect(result.exitCode).toBe(0);
    const after = snapshot(temp.dir);
    const outside = Object.keys(after).filter((entry) => entry !== "my-app" && !entry.startsWith("my-app/"));
    expect(Object.fromEntries(outside.map((entry) => [entry, after[entry]]))).toEqual(before);
    expect(hasStackTrace(result.output)).toBe(false);
  });
});
