// Prints the 15 slowest test files of a vitest JSON report (`--reporter=json --outputFile.json=...`);
// with --write, also writes every file's seconds to test/durations.json, which test/sequencer.ts reads.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [reportPath, limit = "15", write] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, "utf8"));
const all = report.testResults
  .map((file) => ({ name: path.relative(process.cwd(), file.name), seconds: (file.endTime - file.startTime) / 1000 }))
  .sort((a, b) => b.seconds - a.seconds);
if (write === "--write") {
  // Files the report does not hold (a partial run) keep their seconds.
  const durations = JSON.parse(readFileSync("test/durations.json", "utf8"));
  for (const file of all) durations[file.name] = Math.round(file.seconds);
  const sorted = Object.entries(durations).sort(([, a], [, b]) => b - a);
  writeFileSync("test/durations.json", `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`);
}
const files = all.slice(0, Number(limit));
const width = Math.max(...files.map((file) => file.name.length));
console.log(`The ${files.length} slowest test files (seconds, from start to end of each file):`);
for (const file of files) console.log(`  ${file.name.padEnd(width)}  ${file.seconds.toFixed(1).padStart(6)}`);
