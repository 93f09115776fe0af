/**
 * The environment a user's shell would give a child process: without what vitest sets for itself
 * (NODE_ENV=test makes Next.js skip .env.development) or what npm sets when it runs a script.
 */
export function userEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === "NODE_ENV" || key.startsWith("VITEST") || key.startsWith("npm_")) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
