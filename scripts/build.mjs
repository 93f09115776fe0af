// Bundles the CLI into one file, dist/cli.js, with every runtime dependency inlined (the published
// package has none). Modules reached only through `await import()` (main, prompts, execa, degit)
// are wrapped by esbuild and evaluated only when a path needs them, so --version and --help stay fast.
import { rmSync, readFileSync } from "node:fs";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
const result = await build({
  entryPoints: ["src/cli.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  target: "node20.19",
  format: "esm",
  minify: true,
  legalComments: "none",
  metafile: true,
  define: { __VERSION__: JSON.stringify(version) },
  // CommonJS dependencies (prompts, fs-extra) call require() for Node's own modules.
  banner: {
    js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);',
  },
  logLevel: "warning",
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`dist/cli.js: ${(bytes / 1024).toFixed(1)} KiB`);
