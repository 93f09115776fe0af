/**
 * Stable identifiers of failures, for scripts and agents reading `--json` output (the `code` of
 * its `error`); schema/output.schema.json lists them.
 */
export const errorCodes = [
  "unknown-flag",
  "missing-flag-value",
  "invalid-flag-value",
  "conflicting-flags",
  "too-many-arguments",
  "missing-answer",
  "invalid-name",
  "unknown-framework",
  "unknown-feature",
  "unknown-package-manager",
  "invalid-template",
  "template-unavailable",
  "target-is-file",
  "target-not-empty",
  "not-writable",
  "write-failed",
  "disk-full",
  "app-changed",
  "app-locked",
  "install-failed",
  "no-package-json",
  "parse-error",
  "unsupported-framework",
  "unsupported-framework-version",
  "incompatible-dependency",
  "javascript-project",
  "commonjs-project",
  "no-router-dir",
  "dirty-tree",
  "no-inngest-app",
  "duplicate-function",
  "conflicting-event",
  "unsupported-node",
  "cancelled",
  "internal-error",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** A failure the user can act on: printed as one line, never with a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  /** With `missing-answer`: the flags that would have answered, one per missing answer. */
  readonly missing: string[] | undefined;

  constructor(
    message: string,
    readonly code: ErrorCode,
    options: { exitCode?: number; missing?: string[] } = {},
  ) {
    super(message);
    this.name = "CliError";
    this.exitCode = options.exitCode ?? 1;
    this.missing = options.missing;
  }
}

/** The user stopped at a prompt (Ctrl-C or Escape). */
export class CancelledError extends CliError {
  constructor() {
    super("Cancelled: nothing was written.", "cancelled", { exitCode: 130 });
    this.name = "CancelledError";
  }
}

/**
 * A write that failed for want of space (a full disk, a used-up quota, a file-size limit), as one
 * line that says so and what to do; undefined for any other failure.
 */
export function outOfSpace(error: unknown, file: string | undefined, outcome: string): CliError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const what =
    code === "ENOSPC"
      ? "The disk is full (ENOSPC)"
      : code === "EDQUOT"
        ? "The disk quota is used up (EDQUOT)"
        : code === "EFBIG"
          ? "A file is larger than this process may write (EFBIG)"
          : undefined;
  if (!what) return undefined;
  return new CliError(
    `${what}${file ? ` writing ${file}` : ""}: ${outcome}. Free some space and run again.`,
    "disk-full",
  );
}
