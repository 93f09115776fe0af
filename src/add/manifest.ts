import type { Project } from "./detect.js";

/**
 * package.json with new entries, keeping its layout: only when it is in the layout npm writes
 * (JSON.stringify with its own indent), which re-serialising reproduces byte for byte. Else undefined.
 */
export function editManifest(
  project: Pick<Project, "manifestText" | "manifest">,
  dependencies: Record<string, string>,
  devDependencies: Record<string, string>,
  scripts: Record<string, string>,
): string | undefined {
  const text = project.manifestText;
  if (Object.keys(dependencies).length + Object.keys(devDependencies).length + Object.keys(scripts).length === 0)
    return text;
  const indent = /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const serialise = (value: unknown) => {
    const json = JSON.stringify(value, null, indent).replace(/\n/g, eol);
    return text.endsWith(eol) ? `${json}${eol}` : json;
  };
  if (serialise(project.manifest) !== text) return undefined;
  const manifest = structuredClone(project.manifest);
  const merge = (section: string, entries: Record<string, string>) => {
    if (Object.keys(entries).length === 0) return;
    const current = (manifest[section] ?? {}) as Record<string, string>;
    const keys = Object.keys(current);
    const sorted = keys.every((key, i) => i === 0 || keys[i - 1]!.localeCompare(key) <= 0);
    const merged = { ...current, ...entries };
    manifest[section] =
      sorted && section !== "scripts"
        ? Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)))
        : merged;
  };
  merge("scripts", scripts);
  merge("dependencies", dependencies);
  merge("devDependencies", devDependencies);
  return serialise(manifest);
}
