/** A failure the user can act on: printed as one line, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The user stopped at a prompt (Ctrl-C or Escape). */
export class CancelledError extends CliError {
  constructor() {
    super("Cancelled: nothing was written.", 130);
    this.name = "CancelledError";
  }
}
