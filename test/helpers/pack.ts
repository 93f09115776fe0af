import { readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./cli.js";
import { runOrThrow } from "./process.js";

/** `npm pack` of the built package into `dir`; returns the tarball's path and npm's report. */
export async function packPackage(
  dir: string,
): Promise<{ tarball: string; files: string[]; size: number; unpackedSize: number }> {
  const result = await runOrThrow("npm", ["pack", "--json", "--pack-destination", dir], { cwd: repoRoot });
  const [report] = JSON.parse(result.stdout) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  const tarball = path.join(dir, report!.filename);
  if (!readdirSync(dir).includes(report!.filename)) throw new Error(`npm pack wrote no ${tarball}`);
  return {
    tarball,
    files: report!.files.map((file) => file.path),
    size: report!.size,
    unpackedSize: report!.unpackedSize,
  };
}
