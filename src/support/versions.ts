// The one list of versions that generated apps depend on. Each was installed and tested together
// (see test/e2e): bump them here, then run the end-to-end tests.
export const versions = {
  inngest: "4.24.0",
  "@inngest/test": "1.0.0",
  "@inngest/agent-kit": "0.13.2",
  zod: "4.6.7",
  next: "16.4.6",
  react: "19.3.1",
  "react-dom": "19.3.1",
  express: "5.3.0",
  hono: "4.13.19",
  "@hono/node-server": "2.1.8",
  wrangler: "4.164.0",
  "@cloudflare/workers-types": "5.20261117.1",
  typescript: "5.9.3",
  tsx: "4.23.15",
  vitest: "4.1.12",
  "@types/node": "22.20.5",
  "@types/express": "5.0.6",
  "@types/react": "19.3.0",
  "@types/react-dom": "19.3.0",
} as const;

/**
 * For an app that stays on an older major of a pinned package, the version --add raises it to when
 * the code it writes needs a newer one of that major (installed and tested with the pinned SDK).
 */
export const olderMajors: Record<string, Record<number, string>> = {
  zod: { 3: "3.25.76" },
};

export type DependencyName = keyof typeof versions;

export function pinned(names: readonly DependencyName[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, versions[name]]));
}
