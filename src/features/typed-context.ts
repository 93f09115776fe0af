import type { Feature } from "./feature.js";

export const typedContext: Feature = {
  id: "typed-context",
  label: "Typed context",
  group: "Middleware",
  description:
    'A function-level middleware adds a literal-typed value ("eu-west-1" as const) that the handler sees as that literal',
  files: ["typed-context-upload.ts", "typed-context-upload.test.ts", "typed-context-try-it.json"],
  middlewareFiles: ["typed-context-middleware.ts"],
  functions: [{ exportName: "storeUpload", file: "typed-context-upload.ts" }],
  events: ["fileUploaded"],
};
