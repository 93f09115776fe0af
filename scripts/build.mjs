// Bundles the CLI with every runtime dependency inlined (the published package has none): one
// entry, dist/cli.js (a few KiB: argv, --help, --version), and chunks beside it in dist/ for what
// is reached only through `await import()` (main, prompts, the --add parser), read from disk
// only when a path needs them. One single file was measured slower to start: node parses all of it
// before printing --version.
import { rmSync, readFileSync } from "node:fs";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
const result = await build({
  entryPoints: ["src/cli.ts"],
  outdir: "dist",
  splitting: true,
  // Chunks beside cli.js: plan.ts finds the starters at ../starters/ from its own module.
  chunkNames: "[name]-[hash]",
  bundle: true,
  platform: "node",
  target: "node20.19",
  format: "esm",
  minify: true,
  legalComments: "none",
  metafile: true,
  // prompts picks dist/ (transpiled for Node < 8.6) or lib/ at run time, so both would be bundled.
  // jsonc-parser's main is UMD, whose require("./impl/...") esbuild leaves unresolved: its ES build.
  alias: { prompts: "prompts/lib/index.js", "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  define: { __VERSION__: JSON.stringify(version) },
  // CommonJS dependencies (prompts, @babel/parser) call require() for Node's own modules.
  banner: {
    js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);',
  },
  logLevel: "warning",
});
const outputs = Object.entries(result.metafile.outputs);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const total = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(
  `dist/: ${outputs.length} files, ${kib(total)}; dist/cli.js: ${kib(result.metafile.outputs["dist/cli.js"].bytes)}`,
);
// What each bundled library weighs in dist/ (minified), to weigh a new one against the rest.
const byLibrary = {};
for (const [, output] of outputs)
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
    if (name) byLibrary[name] = (byLibrary[name] ?? 0) + bytesInOutput;
  }
console.log(
  `libraries: ${Object.entries(byLibrary)
    .sort(([, a], [, b]) => b - a)
    .map(([name, bytes]) => `${name} ${kib(bytes)}`)
    .join(", ")}`,
);
