#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { helpJson, helpText, parseArgs } from "./args.js";

const MINIMUM_NODE = [20, 19] as const;

/** Set by the bundler (scripts/build.mjs); read from package.json when run unbundled. */
declare const __VERSION__: string | undefined;

function nodeIsSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1]);
}

function packageVersion(): string {
  if (typeof __VERSION__ === "string") return __VERSION__;
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

/** Which command the arguments ask for, read before (and whether or not) they parse. */
function commandOf(argv: readonly string[]): "create" | "add" | "list" | "function" | "upgrade" {
  const has = (flag: string) => argv.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
  if (has("--upgrade")) return "upgrade";
  return has("--add") ? "add" : has("--function") ? "function" : has("--list") ? "list" : "create";
}

/** The `--json` failure object (json-output.ts), printed without loading the rest of the CLI. */
function printFailure(argv: readonly string[], error: { code: string; message: string; exitCode: number }): void {
  console.log(JSON.stringify({ ok: false, command: commandOf(argv), error }, null, 2));
}

async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes("--json");
  if (!nodeIsSupported(process.versions.node)) {
    const message = `create-inngest-app needs Node.js ${MINIMUM_NODE.join(".")} or newer; this is ${process.versions.node}. Install a newer Node.js and run it again.`;
    console.error(message);
    if (json) printFailure(argv, { code: "unsupported-node", message, exitCode: 1 });
    process.exit(1);
  }
  const debug = argv.includes("--debug");
  const version = packageVersion();
  if (json) (await import("./support/ui.js")).keepStdoutForJson();
  // With listeners in place, Node delivers SIGINT and SIGTERM between turns of the event loop: a
  // synchronous write finishes first. The command being run (an install) is stopped too, and what
  // was written is kept. Exit codes as a shell gives them.
  for (const [signal, exitCode] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, async () => {
      (await import("./support/run-command.js")).stopRunningCommands(signal);
      if (json)
        printFailure(argv, {
          code: "cancelled",
          message: `Stopped by ${signal}: what was already written is kept.`,
          exitCode,
        });
      process.exit(exitCode);
    });
  }
  try {
    // Fast paths: --help and --version print without loading the rest of the CLI.
    const flags = parseArgs(argv);
    if ((flags.help || flags.version) && json) {
      const { printJson } = await import("./support/json-output.js");
      return printJson(flags.help ? helpJson(version) : { ok: true, command: "version", version });
    }
    if (flags.help) return console.log(helpText(version));
    if (flags.version) return console.log(version);
    const { main } = await import("./main.js");
    await main(flags, {
      cwd: process.cwd(),
      interactive: !flags.json && Boolean(process.stdin.isTTY && process.stdout.isTTY),
      userAgent: process.env.npm_config_user_agent,
    });
  } catch (error) {
    const { CliError } = await import("./support/errors.js");
    const { log } = await import("./support/ui.js");
    const message = error instanceof Error ? error.message : String(error);
    log.error(message.split("\n")[0] ?? message);
    if (debug && error instanceof Error && error.stack) console.error(error.stack);
    else if (!(error instanceof CliError)) console.error("Run again with --debug to see the details.");
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
    if (json) {
      const { failureJson, printJson } = await import("./support/json-output.js");
      const failure = error instanceof CliError ? error : new CliError(message, "internal-error");
      printJson(failureJson(failure, commandOf(argv)));
    }
  }
}

await run();
