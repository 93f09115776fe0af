import { lightGray } from "kolorist";
import type { Framework } from "./framework.js";

export const next: Framework = {
  id: "next",
  label: "Next.js (App Router)",
  starter: "next",
  devPort: 3000,
  serveHandlerPath: "src/app/api/inngest/route.ts",
  relativeImportExtension: "",
  dependencies: ["next", "react", "react-dom"],
  devDependencies: ["typescript", "@types/node", "@types/react", "@types/react-dom"],
  colour: lightGray,
  detectDependencies: ["next"],
  serveModule: "inngest/next",
  loadsEnvFiles: true,
  mount: {
    kind: "route-file",
    routerDirs: ["src/app", "app"],
    routeFile: (clientImport, functionsImport) =>
      [
        `import { serve } from "inngest/next";`,
        clientImport,
        functionsImport,
        "",
        "// The longest one request to this route may run on Vercel, in seconds; keep checkpointing's",
        "// maxRuntime in src/inngest/client.ts below it.",
        "export const maxDuration = 300;",
        "",
        "export const { GET, POST, PUT } = serve({ client: inngest, functions });",
        "",
      ].join("\n"),
    pagesDirs: ["src/pages", "pages"],
    pagesRouteFile: (clientImport, functionsImport) =>
      [
        `import { serve } from "inngest/next";`,
        clientImport,
        functionsImport,
        "",
        "export default serve({ client: inngest, functions });",
        "",
      ].join("\n"),
  },
};
