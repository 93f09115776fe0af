const BOM = "\uFEFF";

/** package.json's value; a byte-order mark before it (Windows editors write one, npm reads it) is skipped. */
export function parseManifest(text: string): any {
  return JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
}

/**
 * package.json with new entries, written the way npm writes it (`npm pkg set`, `npm install`): the
 * file's own indentation and newline, its keys in their order, re-serialised as JSON; like npm, the
 * dependency sections come out sorted by name, and a new script goes at the end of `scripts`.
 */
export function editManifest(
  project: { manifestText: string; manifest: Record<string, any> },
  dependencies: Record<string, string>,
  devDependencies: Record<string, string>,
  scripts: Record<string, string>,
): string {
  const text = project.manifestText;
  if (Object.keys(dependencies).length + Object.keys(devDependencies).length + Object.keys(scripts).length === 0)
    return text;
  const manifest = structuredClone(project.manifest);
  const merge = (section: string, entries: Record<string, string>) => {
    if (Object.keys(entries).length === 0) return;
    const merged = { ...manifest[section], ...entries } as Record<string, string>;
    manifest[section] =
      section === "scripts"
        ? merged
        : Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b, "en")));
  };
  merge("scripts", scripts);
  merge("dependencies", dependencies);
  merge("devDependencies", devDependencies);
  return serialiseLike(text, manifest);
}

/**
 * JSON text in the layout of `text`, as npm finds it: the newline and indentation that follow the
 * opening brace; none at all when the file starts `{"`, two spaces for `{}`; its byte-order mark kept.
 */
export function serialiseLike(withBom: string, value: unknown): string {
  const bom = withBom.startsWith(BOM) ? BOM : "";
  const text = withBom.slice(bom.length);
  const empty = /^(?:\{\}|\[\])((?:\r?\n)+)?$/.exec(text);
  const layout = /^\s*[{[]((?:\r?\n)+)([\s\t]*)/.exec(text);
  const newline = empty ? (empty[1] ?? "\n") : (layout?.[1] ?? "");
  const indent = empty ? "  " : (layout?.[2] ?? "");
  return `${bom}${JSON.stringify(value, null, indent)}\n`.replace(/\n/g, newline);
}
