import { baseFile, CLIENT_FILE, DEV_ENV_FILE, INNGEST_DIR } from "../../contributions/layout.js";
import type { Project } from "../detect/project.js";

// The starters are written for a created app (src/, the App Router, a start-up check of the signing
// key). What --add writes from them names this app's own paths and says only what holds in it.

const CLIENT = `${INNGEST_DIR}/${CLIENT_FILE}`;
const APP_ROUTE = "src/app/api/inngest/route.ts";

/** Where this app's client and Next.js route are, for the starters' comments that name them. */
export interface AppPaths {
  clientFile: string;
  devEnvFile: string;
}

/** A starter text with this app's paths, and the sentences true of created apps only made true here. */
export function trueOfThisApp(project: Project, paths: AppPaths, text: string): string {
  let result = text.replaceAll(CLIENT, () => paths.clientFile).replaceAll(DEV_ENV_FILE, () => paths.devEnvFile);
  if (project.appRouterDir) result = result.replaceAll(APP_ROUTE, () => `${project.appRouterDir}/api/inngest/route.ts`);
  if (project.pagesDir) {
    // A Pages Router route has no maxDuration export: the limit is the platform's.
    result = result.replace(
      /its route's maxDuration \(300 s in \S+,\n(\s*)\/\/ the most Vercel's Hobby plan allows\)/,
      "the platform's limit (300 s is the most\n$1// Vercel's Hobby plan allows)",
    );
  }
  // --add adds no start-up check of the signing key (created apps have one): the SDK refuses requests.
  return result.replace(
    /^# Without it (the app refuses to start|\/api\/inngest answers 500 with a message naming it)\./m,
    "# Without it every request to /api/inngest answers 500 (cloud mode needs it).",
  );
}

/** A starter file (`baseFile`) as this app gets it. */
export function starterFileFor(project: Project, paths: AppPaths, file: string): string {
  return trueOfThisApp(project, paths, baseFile(project.framework, file));
}
