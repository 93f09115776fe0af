import { lightGray } from "kolorist";
import type { Framework } from "./framework.js";

export const next: Framework = {
  id: "next",
  label: "Next.js (App Router)",
  starter: "next",
  serveHandlerPath: "src/app/api/inngest/route.ts",
  relativeImportExtension: "",
  dependencies: ["inngest", "next", "react", "react-dom"],
  devDependencies: ["@inngest/test", "typescript", "vitest", "@types/node", "@types/react", "@types/react-dom"],
  colour: lightGray,
  add: { dependency: "next", serveModule: "inngest/next", mount: { kind: "route-file" } },
};
