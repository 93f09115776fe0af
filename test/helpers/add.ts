import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { userEnv } from "./env.js";

const SKIPPED = new Set(["node_modules", ".git", ".next"]);

/**
 * Every file of a user's app with a hash of its contents, without what installs and builds make
 * (node_modules, .next) or git's own data: what `--add` may and may not touch.
 */
export function sourceSnapshot(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else
        entries[child] = createHash("sha1")
          .update(readFileSync(path.join(root, child)))
          .digest("hex");
    }
  };
  visit("");
  return entries;
}

/** The files whose hash differs, or that appeared or went away. */
export function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

/** A command in the app's directory, as its user would run it. */
export async function runIn(dir: string, command: string, args: string[], env: Record<string, string> = {}) {
  const result = await execa(command, args, {
    cwd: dir,
    env: userEnv({
      NO_COLOR: "1",
      npm_config_prefer_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      ...env,
    }),
    extendEnv: false,
    reject: false,
    all: true,
    stdin: "ignore",
  });
  return { exitCode: result.exitCode ?? -1, output: result.all ?? "" };
}

/** `git init` and one commit of everything, so that the add sees a clean tree. */
export async function commitAll(dir: string): Promise<void> {
  const git = (...args: string[]) =>
    runIn(dir, "git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args]);
  await git("init", "-q");
  await git("add", "-A");
  const commit = await git("commit", "-qm", "the app before --add");
  if (commit.exitCode !== 0) throw new Error(commit.output);
}

/** What a route answers, to compare before and after the add. */
export async function answer(url: string, init?: RequestInit): Promise<{ status: number; body: string }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.text() };
}
