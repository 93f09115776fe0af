/** Where the app serves Inngest while it runs in dev mode. */
export function devEndpoint(appPort: number): string {
  return `http://localhost:${appPort}/api/inngest`;
}

/**
 * The command that starts the Inngest Dev Server beside the app, given the port the app listens on
 * (undefined when only the app's own code knows it). The Dev Server looks on port 3000 by itself;
 * an app elsewhere is given to it with `-u`.
 */
export function devServerCommand(appPort: number | undefined): string {
  const command = "npx inngest-cli@latest dev";
  return appPort === undefined || appPort === 3000 ? command : `${command} -u ${devEndpoint(appPort)}`;
}
