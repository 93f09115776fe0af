// Prints the 15 slowest test files of a vitest JSON report (`--reporter=json --outputFile.json=...`).
import { readFileSync } from "node:fs";
import path from "node:path";

const [reportPath, limit = "15"] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, "utf8"));
const files = report.testResults
  .map((file) => ({ name: path.relative(process.cwd(), file.name), seconds: (file.endTime - file.startTime) / 1000 }))
  .sort((a, b) => b.seconds - a.seconds)
  .slice(0, Number(limit));
const width = Math.max(...files.map((file) => file.name.length));
console.log(`The ${files.length} slowest test files (seconds, from start to end of each file):`);
for (const file of files) console.log(`  ${file.name.padEnd(width)}  ${file.seconds.toFixed(1).padStart(6)}`);
