import { parseJsonc } from "../ast.js";
import type { Editor } from "../plan/change-set.js";

// The Inngest SDK needs Node's APIs on Workers (AsyncLocalStorage, Buffer): wrangler turns them on
// with the `nodejs_compat` compatibility flag, which create-hono's templates do not set. It also
// makes a FinalizationRegistry, which Workers have only from the 2025-05-05 compatibility date (or
// with `enable_weak_ref`); the Cloudflare Vite plugin runs only the Node.js compatibility that
// `nodejs_compat` gives from 2024-09-23 (`nodejs_compat_v2` before). An older date gets the flags,
// shown in the diff: a newer date would change more of the Worker's behaviour than Inngest needs.

const NODEJS_COMPAT = "nodejs_compat";
const WEAK_REFS = { flag: "enable_weak_ref", defaultFrom: "2025-05-05" };
const NODEJS_COMPAT_V2 = { flag: "nodejs_compat_v2", defaultFrom: "2024-09-23" };
const JSON_CONFIGS = ["wrangler.jsonc", "wrangler.json"];
const TOML_CONFIG = "wrangler.toml";

/**
 * Adds the compatibility flags the SDK needs to the app's wrangler config (`nodejs_compat`, and those
 * its compatibility date lacks), or says where they go when the config is unusual.
 */
export function addCompatibilityFlags(editor: Editor, options: { vitePlugin: boolean }): void {
  const file = [...JSON_CONFIGS, TOML_CONFIG].find((name) => editor.read(name) !== null);
  const text = file ? editor.read(file)! : null;
  const config = file && text ? readConfig(file, text) : undefined;
  const datedBefore = (date: string) => config?.date !== undefined && config.date < date;
  const needed = [
    NODEJS_COMPAT,
    ...(datedBefore(WEAK_REFS.defaultFrom) ? [WEAK_REFS.flag] : []),
    ...(options.vitePlugin && datedBefore(NODEJS_COMPAT_V2.defaultFrom) ? [NODEJS_COMPAT_V2.flag] : []),
  ];
  const missing = needed.filter((flag) => !config?.flags.includes(flag));
  if (missing.length === 0) return;
  const edited =
    file && text ? (file === TOML_CONFIG ? withFlagsToml(text, missing) : withFlagsJson(text, missing)) : undefined;
  if (file && edited) {
    editor.put(file, edited);
    const dated = missing.filter((flag) => flag !== NODEJS_COMPAT);
    if (dated.length > 0) editor.plan.notes.push(datedFlagsNote(file, config!.date!, dated));
    return;
  }
  editor.plan.manual.push({
    file: file ?? "wrangler.jsonc",
    where: "the Inngest SDK needs Node's APIs on Workers; set the compatibility flags",
    lines: [
      file === TOML_CONFIG ? `compatibility_flags = [${quoted(needed)}]` : `"compatibility_flags": [${quoted(needed)}]`,
    ],
  });
}

function datedFlagsNote(file: string, date: string, added: string[]): string {
  const reasons = [
    added.includes(WEAK_REFS.flag) &&
      `${WEAK_REFS.flag} (the Inngest SDK uses FinalizationRegistry, which Workers have by default from ${WEAK_REFS.defaultFrom})`,
    added.includes(NODEJS_COMPAT_V2.flag) &&
      `${NODEJS_COMPAT_V2.flag} (the Cloudflare Vite plugin runs only the Node.js compatibility nodejs_compat gives from ${NODEJS_COMPAT_V2.defaultFrom})`,
  ].filter(Boolean);
  return `${file} has compatibility_date ${date}: ${reasons.join(" and ")} went into its compatibility_flags. A compatibility_date of ${WEAK_REFS.defaultFrom} or later makes them unneeded.`;
}

function quoted(flags: string[]): string {
  return flags.map((flag) => `"${flag}"`).join(", ");
}

function readConfig(file: string, text: string): { date?: string; flags: string[] } {
  if (file === TOML_CONFIG) {
    const date = /^compatibility_date\s*=\s*["']([^"'\n]*)["']/m.exec(text)?.[1];
    const list = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(text)?.[1] ?? "";
    return { date, flags: [...list.matchAll(/["']([^"']+)["']/g)].map((match) => match[1]!) };
  }
  const config = parseJsonc(text, file) as { compatibility_date?: unknown; compatibility_flags?: unknown } | null;
  const flags = Array.isArray(config?.compatibility_flags) ? config.compatibility_flags.map(String) : [];
  const date = typeof config?.compatibility_date === "string" ? config.compatibility_date : undefined;
  return { date, flags };
}

/** The flags added to `compatibility_flags`, or a new `compatibility_flags` after `compatibility_date`. */
function withFlagsJson(text: string, flags: string[]): string | undefined {
  const list = /^[ \t]*"compatibility_flags"\s*:\s*\[(\s*)(\]?)/m.exec(text);
  if (list) return withFlagsFirstIn(text, list, flags);
  const date = /^([ \t]*)"compatibility_date"\s*:\s*"[^"\n]*"(\s*,)?/m.exec(text);
  if (!date) return undefined;
  const end = date.index + date[0].length;
  const property = `\n${date[1]}"compatibility_flags": [${quoted(flags)}]`;
  return date[2]
    ? `${text.slice(0, end)}${property},${text.slice(end)}`
    : `${text.slice(0, end)},${property}${text.slice(end)}`;
}

function withFlagsToml(text: string, flags: string[]): string | undefined {
  const list = /^compatibility_flags\s*=\s*\[(\s*)(\]?)/m.exec(text);
  if (list) return withFlagsFirstIn(text, list, flags);
  const date = /^compatibility_date\s*=.*$/m.exec(text);
  if (!date) return undefined;
  const end = date.index + date[0].length;
  return `${text.slice(0, end)}\ncompatibility_flags = [${quoted(flags)}]${text.slice(end)}`;
}

/** The flags put first in an existing list, matched up to its `[` and whitespace (group 2: a `]` right after). */
function withFlagsFirstIn(text: string, list: RegExpExecArray, flags: string[]): string {
  const at = list.index + list[0].length - list[2]!.length;
  return `${text.slice(0, at)}${quoted(flags)}${list[2] ? "" : ", "}${text.slice(at)}`;
}
