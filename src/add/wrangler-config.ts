import { parseJsonc } from "./ast.js";
import type { Editor } from "./changes.js";

// The Inngest SDK needs Node's APIs on Workers (AsyncLocalStorage, Buffer): wrangler turns them on
// with the `nodejs_compat` compatibility flag, which create-hono's template does not set.

const FLAG = "nodejs_compat";
const JSON_CONFIGS = ["wrangler.jsonc", "wrangler.json"];
const TOML_CONFIG = "wrangler.toml";

/** Adds `nodejs_compat` to the app's wrangler config, or says where to add it when the config is unusual. */
export function addNodejsCompat(editor: Editor): void {
  const file = [...JSON_CONFIGS, TOML_CONFIG].find((name) => editor.read(name) !== null);
  const text = file ? editor.read(file)! : null;
  if (file && text && hasFlag(file, text)) return;
  const edited = file && text ? (file === TOML_CONFIG ? withFlagToml(text) : withFlagJson(text)) : undefined;
  if (file && edited) {
    editor.put(file, edited);
    return;
  }
  editor.plan.manual.push({
    file: file ?? "wrangler.jsonc",
    where: "the Inngest SDK needs Node's APIs on Workers; set the compatibility flag",
    lines: [file === TOML_CONFIG ? `compatibility_flags = ["${FLAG}"]` : `"compatibility_flags": ["${FLAG}"]`],
  });
}

function hasFlag(file: string, text: string): boolean {
  if (file === TOML_CONFIG) return new RegExp(`^compatibility_flags\\s*=.*["']${FLAG}["']`, "m").test(text);
  const flags = (parseJsonc(text, file) as { compatibility_flags?: unknown } | null)?.compatibility_flags;
  return Array.isArray(flags) && flags.includes(FLAG);
}

/** The flag added to `compatibility_flags`, or a new `compatibility_flags` after `compatibility_date`. */
function withFlagJson(text: string): string | undefined {
  const flags = /^[ \t]*"compatibility_flags"\s*:\s*\[(\s*)(\]?)/m.exec(text);
  if (flags) {
    const at = flags.index + flags[0].length - flags[2]!.length;
    return `${text.slice(0, at)}"${FLAG}"${flags[2] ? "" : ", "}${text.slice(at)}`;
  }
  const date = /^([ \t]*)"compatibility_date"\s*:\s*"[^"\n]*"(\s*,)?/m.exec(text);
  if (!date) return undefined;
  const end = date.index + date[0].length;
  const property = `\n${date[1]}"compatibility_flags": ["${FLAG}"]`;
  return date[2]
    ? `${text.slice(0, end)}${property},${text.slice(end)}`
    : `${text.slice(0, end)},${property}${text.slice(end)}`;
}

function withFlagToml(text: string): string | undefined {
  const flags = /^compatibility_flags\s*=\s*\[(\s*)(\]?)/m.exec(text);
  if (flags) {
    const at = flags.index + flags[0].length - flags[2]!.length;
    return `${text.slice(0, at)}"${FLAG}"${flags[2] ? "" : ", "}${text.slice(at)}`;
  }
  const date = /^compatibility_date\s*=.*$/m.exec(text);
  if (!date) return undefined;
  const end = date.index + date[0].length;
  return `${text.slice(0, end)}\ncompatibility_flags = ["${FLAG}"]${text.slice(end)}`;
}
