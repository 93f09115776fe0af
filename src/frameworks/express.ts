import { yellow } from "kolorist";
import type { Framework } from "./framework.js";

/** Only the methods Inngest uses reach its handler: PATCH, OPTIONS, DELETE... answer 405. */
const METHOD_GUARD = "(req, res, next) => (/^(GET|PUT|POST)$/.test(req.method) ? next() : res.sendStatus(405))";

export const express: Framework = {
  id: "express",
  label: "Express 5",
  starter: "express",
  devPort: 3000,
  serveHandlerPath: "src/index.ts",
  relativeImportExtension: ".js",
  dependencies: ["express"],
  devDependencies: ["typescript", "tsx", "@types/node", "@types/express"],
  colour: yellow,
  detectDependencies: ["express"],
  connectWorker: true,
  serveModule: "inngest/express",
  mount: {
    kind: "app-call",
    create: { source: "express", imported: "default", isNew: false, example: "express()" },
    // Without a JSON body parser every execution request answers 401. Scoped to the Inngest path
    // when the app has none of its own, so that the user's routes see the same bodies as before.
    jsonBodyParser: "json",
    jsonBodyParserSince: "4.16.0",
    mountLine: (app, serve, jsonParser) =>
      [
        `${app}.use("/api/inngest", ${METHOD_GUARD});`,
        jsonParser
          ? `${app}.use("/api/inngest", ${jsonParser}.json({ limit: "10mb" }), ${serve}({ client: inngest, functions }));`
          : `${app}.use("/api/inngest", ${serve}({ client: inngest, functions }));`,
      ].join("\n"),
    methodGuard: METHOD_GUARD,
  },
};
