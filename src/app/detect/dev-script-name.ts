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

/** The app's dev script: `dev`, else a known other name, else one named `...:dev` or `dev:...`; undefined without one. */
export function devScriptName(scripts: Record<string, unknown> | undefined): string | undefined {
  const names = Object.keys(scripts ?? {}).filter((name) => typeof scripts?.[name] === "string");
  return (
    DEV_SCRIPT_NAMES.find((name) => names.includes(name)) ??
    names.find((name) => /^(dev|develop)[:-]|[:-](dev|develop)$/.test(name) && !/\b(db|docker|css|docs?)\b/.test(name))
  );
}
