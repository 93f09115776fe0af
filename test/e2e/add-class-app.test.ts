import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { copyFixture } from "../helpers/fixtures.js";
import { describeAdd, helloFiles, nodePlanned } from "./add-apps.js";

// The app as a field of a class (`this.app = express()` in a constructor), as the most-starred
// TypeScript Express starters have it, in CommonJS with extensionless imports: the mount goes right
// after the field is set, on `this.app`.
describeAdd([
  {
    name: "an Express 4 app made in a class constructor (this.app = express()), listened on in server.ts",
    make: async (dir) => {
      copyFixture("express-class-app", dir, { lockfile: true });
    },
    add: ["event-basic"],
    before: [],
    after: ["hello-world"],
    planned: [...nodePlanned("src/app.ts"), ...helloFiles("src/")],
    routes: [{ path: "/health" }, { path: "/nope" }],
    typecheck: ["npx", ["tsc", "--noEmit"]],
    check: (dir) => {
      expect(readFileSync(path.join(dir, "src/app.ts"), "utf8")).toMatch(
        /this\.app = express\(\)\n\n {4}\/\/ Inngest: the serve endpoint, with the JSON body parser its requests need\.\n {4}this\.app\.use\('\/api\/inngest'/,
      );
    },
  },
]);
