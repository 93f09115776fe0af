import type { Flags } from "./args.js";
import type { RunContext } from "./support/context.js";
import { CliError } from "./support/errors.js";

/**
 * Which command runs: --upgrade, --list, --function, --add, or create. Each command is loaded only when asked
 * for; `--help` and `--version` are answered by cli.ts before this module loads.
 */
export async function main(flags: Flags, context: RunContext): Promise<void> {
  if (flags.upgrade) {
    if (flags.add || flags.function !== undefined || Object.keys(flags.generator).length > 0 || flags.connect)
      throw new CliError("--upgrade runs on its own: upgrade first, then --add or --function.", "conflicting-flags");
    const { runUpgrade } = await import("./commands/upgrade/run.js");
    return exitWith(await runUpgrade(flags, context));
  }
  if (flags.list) return (await import("./commands/list.js")).runList(flags.json);
  if (flags.function !== undefined || Object.keys(flags.generator).length > 0) {
    if (flags.function === undefined && !context.interactive) {
      const [first] = Object.keys(flags.generator);
      throw new CliError(
        `--${first} goes with --function <id> (generate a function in an existing app).`,
        "conflicting-flags",
      );
    }
    const { runFunction } = await import("./commands/function/run.js");
    return exitWith(await runFunction(flags, context));
  }
  if (flags.add) {
    if (flags.connect) throw new CliError("--connect goes with creating an app, not with --add.", "conflicting-flags");
    const { runAdd } = await import("./commands/add/run.js");
    return exitWith(await runAdd(flags, context));
  }
  const { runCreate } = await import("./commands/create/run.js");
  await runCreate(flags, context);
}

function exitWith(code: number): void {
  if (code !== 0) process.exitCode = code;
}
