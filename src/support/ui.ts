import { bold, dim, green, red, yellow } from "kolorist";

/** With `--json`, stdout holds only the JSON answer: what is printed for people goes to stderr. */
let stdoutIsForJson = false;
export function keepStdoutForJson(): void {
  stdoutIsForJson = true;
}
const print = (message: string) => (stdoutIsForJson ? console.error(message) : console.log(message));

export const log = {
  info: (message: string) => print(message),
  success: (message: string) => print(`${green("✔")} ${message}`),
  warn: (message: string) => console.error(`${yellow("!")} ${message}`),
  error: (message: string) => console.error(`${red("✖")} ${message}`),
  heading: (message: string) => print(`\n${bold(message)}`),
  detail: (message: string) => print(dim(message)),
};

export interface Spinner {
  succeed(message: string): void;
  fail(message: string): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** A spinner on a terminal; elsewhere, one line when it starts and one when it ends. */
export function startSpinner(text: string): Spinner {
  const stream = process.stderr;
  if (!stream.isTTY) {
    log.info(`${text}...`);
    return { succeed: log.success, fail: log.error };
  }
  let frame = 0;
  const timer = setInterval(() => {
    stream.write(`\r${FRAMES[frame++ % FRAMES.length]} ${text}`);
  }, 80);
  const stop = (print: (message: string) => void, message: string) => {
    clearInterval(timer);
    stream.write("\r\x1b[2K");
    print(message);
  };
  return {
    succeed: (message) => stop(log.success, message),
    fail: (message) => stop(log.error, message),
  };
}
