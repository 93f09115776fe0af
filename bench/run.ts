// The benchmark: this package beside create-vite (react-ts), on this machine, in one run.
//   npm run bench            (BENCH_RUNS=n for the repetitions of the fast measures, default 9;
//                             BENCH_APP_RUNS=n for the install-and-boot ones, default 1)
// Prints a table and JSON (also written to bench/results.json). Not a test: it asserts nothing.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../test/helpers/app.js";
import { acceptanceExample } from "../test/helpers/generator-example.js";
import { startBackgroundServer } from "../test/helpers/process.js";
import { writeLargeApp } from "./large-app.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const cli = path.join(root, "dist", "cli.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const APP_RUNS = Number(process.env.BENCH_APP_RUNS ?? 1); // 0 skips the install-and-boot measures
const CREATE_VITE = { pkg: "create-vite", version: "9.3.0" };
const env: Record<string, string> = Object.fromEntries(
  Object.entries({ ...process.env, NO_COLOR: "1", CI: "1" }).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !entry[0].startsWith("npm_") && entry[0] !== "NODE_ENV",
  ),
);
const work = mkdtempSync(path.join(os.tmpdir(), "cia-bench-"));

interface Stats {
  min: number;
  median: number;
  runs: number;
}
type Timed = Stats & { cpuMedian: number };

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const stats = (samples: number[]): Stats => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (index: number) => round(sorted[index] ?? Number.NaN);
  return { min: at(0), median: at(Math.floor((sorted.length - 1) / 2)), runs: sorted.length };
};
const round = (n: number) => Math.round(n * 10) / 10;
const run = (command: string, args: string[], cwd = work) =>
  execFileSync(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] }).toString();
/** CPU time (user + system, ms) of the children this process has waited for, from Linux's /proc. */
const childCpuMs = () => {
  try {
    const fields = (readFileSync("/proc/self/stat", "utf8").split(") ")[1] ?? "").split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime, in ticks of 10 ms
  } catch {
    return Number.NaN;
  }
};
/** CPU time of the last `timed` run: unlike wall time, barely moved by other work on the machine. */
let lastCpuMs = Number.NaN;
const timed = (command: string, args: string[], cwd?: string) => {
  const cpu = childCpuMs();
  const start = process.hrtime.bigint();
  run(command, args, cwd);
  const wall = ms(start);
  lastCpuMs = childCpuMs() - cpu;
  return wall;
};
/**
 * Runs each measure `n` times, round-robin (one of each, then again), so that a load that comes and
 * goes on the machine falls on every measure alike; min is the figure least disturbed by it.
 */
const interleaved = (n: number, measures: Record<string, () => number>): Record<string, Timed> => {
  const samples = Object.fromEntries(
    Object.keys(measures).map((name) => [name, { wall: [] as number[], cpu: [] as number[] }]),
  );
  for (let i = 0; i < n; i++) {
    for (const [name, fn] of Object.entries(measures)) {
      samples[name]?.wall.push(fn());
      samples[name]?.cpu.push(lastCpuMs);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, { wall, cpu }]) => [name, { ...stats(wall), cpuMedian: stats(cpu).median }]),
  );
};
const log = (line: string) => process.stderr.write(`${line}\n`);

/** create-vite from the npm registry, into the same cache the tests use. */
function installCreateVite() {
  const cache = path.join(os.tmpdir(), "cia-tools");
  const dir = path.join(cache, `${CREATE_VITE.pkg}@${CREATE_VITE.version}`);
  const bin = path.join(dir, "node_modules", CREATE_VITE.pkg, "index.js");
  if (existsSync(bin)) return path.join(dir, "node_modules", CREATE_VITE.pkg);
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(path.join(cache, ".install-"));
  writeFileSync(path.join(staging, "package.json"), "{}");
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--save-exact", `${CREATE_VITE.pkg}@${CREATE_VITE.version}`],
    staging,
  );
  renameSync(staging, dir);
  return path.join(dir, "node_modules", CREATE_VITE.pkg);
}

function packed(spec: string | undefined, cwd: string) {
  const [report] = JSON.parse(run("npm", ["pack", "--dry-run", "--json", ...(spec ? [spec] : [])], cwd));
  return { packedBytes: report.size, unpackedBytes: report.unpackedSize, files: report.entryCount };
}

/** Starts `npm run dev` in its own process group; the time until `url` answers 200; stops it. */
async function bootTime(dir: string, urlPath: string, argsFor: (port: number) => string[] = () => []) {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const server = await startBackgroundServer("npm", ["run", "dev", ...argsFor(port)], {
    cwd: dir,
    env: { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    readyUrl: `http://127.0.0.1:${port}${urlPath}`,
    timeoutMs: 180_000,
  });
  const boot = ms(start);
  await server.stop();
  return boot;
}

const ours = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run npm run build first (npm run bench does)");
log(`bench in ${work}: ${RUNS} runs (apps: ${APP_RUNS}) on ${os.cpus().length} cores, node ${process.version}`);
const viteDir = installCreateVite();
const viteCli = path.join(viteDir, "index.js");
const frameworks = ["next", "express", "hono"];
const allFeatures = run("node", [cli, "--list"])
  .split("\n")
  .filter((line) => /^ {2}[a-z]/.test(line))
  .map((line) => line.trim().split(/\s+/)[0] ?? "");

type Size = { packedBytes: number; unpackedBytes: number; files: number; runtimeDependencies: number };
type AppFlow = Record<"scaffold" | "install" | "boot" | "total", Stats>;
const results = {
  machine: { cores: os.cpus().length, node: process.version, loadAverage: os.loadavg().map(round) },
  runs: RUNS,
  coldStartMs: {} as Record<string, Timed>,
  scaffoldMs: {} as Record<string, Timed>,
  existingAppMs: {} as Record<string, Timed>,
  size: {} as Record<string, Size>,
  appMs: {} as Record<string, AppFlow | undefined>,
  targets: {} as Record<string, string>,
};

log("cold start");
results.coldStartMs = interleaved(RUNS, {
  "node -e 0": () => timed("node", ["-e", "0"]),
  "create-inngest-app --version": () => timed("node", [cli, "--version"]),
  "create-inngest-app --help": () => timed("node", [cli, "--help"]),
  "create-vite --help (it has no --version)": () => timed("node", [viteCli, "--help"]),
});

log("scaffold without install");
let n = 0;
const scaffoldOurs = (framework: string, features: string[]) => () =>
  timed("node", [
    cli,
    `app-${n++}`,
    "--framework",
    framework,
    "--features",
    features.join(","),
    "--no-install",
    "--no-git",
  ]);
results.scaffoldMs = interleaved(RUNS, {
  ...Object.fromEntries(
    frameworks.flatMap((framework) => [
      [`${framework}, 1 feature`, scaffoldOurs(framework, ["event-basic"])],
      [`${framework}, all ${allFeatures.length} features`, scaffoldOurs(framework, allFeatures)],
    ]),
  ),
  "create-vite react-ts": () =>
    timed("node", [viteCli, `vite-${n++}`, "--template", "react-ts", "--no-interactive", "--no-immediate"]),
});

log("change an existing app (dry run, no install)");
const existingApp = path.join(work, "existing-app");
run("node", [cli, "existing-app", "--framework", "express", "--features", "event-basic", "--no-install", "--no-git"]);
// The same app with 3,000 more modules (about 24 MB): routers and services that send events.
const largeApp = path.join(work, "large-app");
run("node", [cli, "large-app", "--framework", "express", "--features", "event-basic", "--no-install", "--no-git"]);
const large = writeLargeApp(largeApp, 3000);
const largeLabel = `--add cron --dry-run, ${large.files} more files (${Math.round(large.bytes / 1e6)} MB)`;
results.existingAppMs = interleaved(RUNS, {
  "--add cron --dry-run": () => timed("node", [cli, "--add", "cron", "--dry-run"], existingApp),
  [largeLabel]: () => timed("node", [cli, "--add", "cron", "--dry-run"], largeApp),
  "--function <the generator's acceptance example> --dry-run": () =>
    timed("node", [cli, ...acceptanceExample, "--dry-run"], existingApp),
});

log("size");
const oursPacked = packed(undefined, root);
const vitePacked = packed(`${CREATE_VITE.pkg}@${CREATE_VITE.version}`, work);
const viteManifest = JSON.parse(readFileSync(path.join(viteDir, "package.json"), "utf8"));
results.size["create-inngest-app"] = {
  ...oursPacked,
  runtimeDependencies: Object.keys(ours.dependencies ?? {}).length,
};
results.size["create-vite"] = {
  ...vitePacked,
  runtimeDependencies: Object.keys(viteManifest.dependencies ?? {}).length,
};

log("scaffold + install + first 200 (npm, warm cache)");
const appFlow = async (
  scaffold: (dir: string) => [string, string[]],
  urlPath: string,
  argsFor?: (port: number) => string[],
): Promise<AppFlow | undefined> => {
  const samples = { scaffold: [] as number[], install: [] as number[], boot: [] as number[], total: [] as number[] };
  if (APP_RUNS === 0) return undefined;
  for (let i = 0; i < APP_RUNS; i++) {
    const dir = path.join(work, `flow-${n++}`);
    const s = timed(...scaffold(dir));
    const install = timed("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], dir);
    const boot = await bootTime(dir, urlPath, argsFor);
    samples.scaffold.push(s);
    samples.install.push(install);
    samples.boot.push(boot);
    samples.total.push(s + install + boot);
  }
  return Object.fromEntries(Object.entries(samples).map(([key, list]) => [key, stats(list)])) as AppFlow;
};
for (const framework of frameworks) {
  log(`  ${framework}`);
  results.appMs[framework] = await appFlow(
    (dir) => [
      "node",
      [cli, path.basename(dir), "--framework", framework, "--features", "event-basic", "--no-install", "--no-git"],
    ],
    "/api/inngest",
  );
}
log("  create-vite react-ts");
results.appMs["create-vite react-ts"] = await appFlow(
  (dir) => ["node", [viteCli, path.basename(dir), "--template", "react-ts", "--no-interactive", "--no-immediate"]],
  "/",
  (port) => ["--", "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
);

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const both = (f: (stat: "min" | "median") => number) => `${f("min")} (median ${f("median")})`;
const scaffold = (name: string) =>
  results.scaffoldMs[name] ?? { min: Number.NaN, median: Number.NaN, cpuMedian: Number.NaN };
const cold = (name: string) =>
  results.coldStartMs[name] ?? { min: Number.NaN, median: Number.NaN, cpuMedian: Number.NaN };
const slowest = (label: string, stat: "min" | "median" | "cpuMedian") =>
  Math.max(...frameworks.map((f) => scaffold(`${f}, ${label}`)[stat]));
const vite = (stat: "min" | "median" | "cpuMedian") => scaffold("create-vite react-ts")[stat];
results.targets = {
  "cold start --version / node -e 0 (target <= 1.5)": both((stat) =>
    ratio(cold("create-inngest-app --version")[stat], cold("node -e 0")[stat]),
  ),
  "scaffold, slowest framework with 1 feature / create-vite (target <= 1)": both((stat) =>
    ratio(slowest("1 feature", stat), vite(stat)),
  ),
  [`scaffold, slowest framework with all ${allFeatures.length} features / create-vite (target <= 1)`]: both((stat) =>
    ratio(slowest(`all ${allFeatures.length} features`, stat), vite(stat)),
  ),
  "cpu: cold start --version / node -e 0": String(
    ratio(cold("create-inngest-app --version").cpuMedian, cold("node -e 0").cpuMedian),
  ),
  "cpu: scaffold, slowest framework with 1 feature / create-vite": String(
    ratio(slowest("1 feature", "cpuMedian"), vite("cpuMedian")),
  ),
  "cpu: scaffold, slowest framework with all features / create-vite": String(
    ratio(slowest(`all ${allFeatures.length} features`, "cpuMedian"), vite("cpuMedian")),
  ),
  "packed size / create-vite's (target <= 2)": String(ratio(oursPacked.packedBytes, vitePacked.packedBytes)),
};

const kib = (bytes: number) => `${round(bytes / 1024)} KiB`;
const table = (title: string, header: string[], rows: (string | number)[][]) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join("  ");
  return [`\n${title}`, line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
};
const msRows = (record: Record<string, Timed>) =>
  Object.entries(record).map(([name, { min, median, cpuMedian }]) => [name, min, median, cpuMedian]);
console.log(
  [
    `create-inngest-app ${ours.version} vs create-vite ${CREATE_VITE.version}; ${RUNS} runs each (apps: ${APP_RUNS}); ${os.cpus().length} cores, node ${process.version}`,
    table(
      "Cold start (ms; cpu: user + system, 10 ms ticks)",
      ["command", "min", "median", "cpu median"],
      msRows(results.coldStartMs),
    ),
    table("Scaffold without install (ms)", ["what", "min", "median", "cpu median"], msRows(results.scaffoldMs)),
    table(
      "Change an existing Express app (ms)",
      ["what", "min", "median", "cpu median"],
      msRows(results.existingAppMs),
    ),
    table(
      "Package",
      ["package", "packed", "unpacked", "files", "runtime deps"],
      Object.entries(results.size).map(([name, s]) => [
        name,
        kib(s.packedBytes),
        kib(s.unpackedBytes),
        s.files,
        s.runtimeDependencies,
      ]),
    ),
    table(
      "Scaffold + npm install + first 200 (ms, median; GET /api/inngest, or / for vite)",
      ["app", "scaffold", "install", "boot to 200", "total", "install share"],
      Object.entries(results.appMs)
        .flatMap(([name, r]) => (r ? [[name, r] as const] : []))
        .map(([name, r]) => [
          name,
          r.scaffold.median,
          r.install.median,
          r.boot.median,
          r.total.median,
          `${Math.round((r.install.median / r.total.median) * 100)}%`,
        ]),
    ),
    table("Targets (ratios from this run; min, and median)", ["ratio", "value"], Object.entries(results.targets)),
    "",
    "JSON:",
    JSON.stringify(results, null, 2),
  ].join("\n"),
);
writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
