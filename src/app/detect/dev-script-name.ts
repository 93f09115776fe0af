// Which of an app's scripts is its dev script: decided here, for every command that names it.

/** Names apps give their dev script when it is not `dev`, in the order they are preferred. */
const DEV_SCRIPT_NAMES = [
  "dev",
  "develop",
  "start:dev",
  "dev:server",
  "serve:dev",
  "server:dev",
  "dev:start",
  "dev:watch",
];

/** A dev script that starts with `wrangler dev`. */
export const WRANGLER_DEV = /^\s*wrangler\s+dev(?=\s|$)/;

/** A command that starts a dev server (a `start` script that runs one is the app's dev script). */
const DEV_SERVER =
  /^\s*(?:\w+=\S*\s+)*(?:wrangler\s+dev|vite(?:\s+dev)?|next\s+dev|tsx\s+watch|nodemon|ts-node-dev)(?=\s|$)/;

/** The app's dev script: `dev`, else a known other name, else one named `...:dev` or `dev:...`, else a `start` that runs a dev server; undefined without one. */
export function devScriptName(scripts: Record<string, unknown> | undefined): string | undefined {
  const names = Object.keys(scripts ?? {}).filter((name) => typeof scripts?.[name] === "string");
  return (
    DEV_SCRIPT_NAMES.find((name) => names.includes(name)) ??
    names.find(
      (name) => /^(dev|develop)[:-]|[:-](dev|develop)$/.test(name) && !/\b(db|docker|css|docs?)\b/.test(name),
    ) ??
    (names.includes("start") && DEV_SERVER.test(String(scripts!.start)) ? "start" : undefined)
  );
}
