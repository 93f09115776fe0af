const MAX_LENGTH = 214;
const RESERVED = new Set(["node_modules", "favicon.ico"]);

/** Why `name` is not a valid npm package name; empty when it is valid. */
export function packageNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0) return ["it is empty"];
  if (name.length > MAX_LENGTH) problems.push(`it is longer than ${MAX_LENGTH} characters`);
  if (name.trim() !== name) problems.push("it starts or ends with a space");
  else if (/\s/.test(name)) problems.push("it contains spaces");
  if (/^[._]/.test(name)) problems.push("it starts with a '.' or '_'");
  if (name.toLowerCase() !== name) problems.push("it contains capital letters");
  if (RESERVED.has(name.toLowerCase())) problems.push(`'${name}' is a reserved name`);
  const scoped = /^@([^/]+)\/([^/]+)$/.exec(name);
  const parts = scoped ? [scoped[1]!, scoped[2]!] : [name];
  if (!scoped && name.includes("/")) problems.push("it contains '/' without being a scope (@scope/name)");
  else if (!/\s/.test(name) && parts.some((part) => encodeURIComponent(part) !== part)) {
    problems.push("it contains characters that are not URL-safe");
  }
  return problems;
}

export function isValidPackageName(name: string): boolean {
  return packageNameProblems(name).length === 0;
}

/** The nearest valid package name: lowercase, dashes for anything else. */
export function toValidPackageName(name: string): string {
  const fixed = name
    .trim()
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, "-")
    .replace(/^[._]+/, "")
    .replace(/[^a-z0-9-~._]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_LENGTH);
  if (fixed === "" || RESERVED.has(fixed)) return "inngest-app";
  return fixed;
}

/** The Inngest app id for a package name: `@acme/shop` becomes `acme-shop`. */
export function toAppId(packageName: string): string {
  return packageName.replace(/^@/, "").replace(/\//g, "-");
}

/**
 * The Cloudflare Worker name for a package name: Workers allow only lowercase letters, digits and
 * dashes, at most 63, where npm also allows `.`, `_` and `~`: `@acme/my_shop.v2` becomes `acme-my-shop-v2`.
 */
export function toWorkerName(packageName: string): string {
  const name = toAppId(packageName)
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .slice(0, 63)
    .replace(/^-+|-+$/g, "");
  return name || "inngest-worker";
}
