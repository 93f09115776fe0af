import { randomUUID } from "node:crypto";
import { userEnv } from "./env.js";
import { runOrThrow, sleep } from "./process.js";

/**
 * A real pseudo-terminal: the command runs in a detached tmux session on a private server, keys are
 * sent with send-keys and the screen is read with capture-pane.
 */
export class Terminal {
  private readonly socket = `cia-${randomUUID().slice(0, 8)}`;

  private tmux(...args: string[]) {
    return runOrThrow("tmux", ["-L", this.socket, ...args], { env: userEnv({ NO_COLOR: "1" }) });
  }

  /** Runs `command`; when it ends, the screen shows `[exit <code>]`. */
  async start(command: string, cwd: string): Promise<void> {
    await this.tmux("new-session", "-d", "-x", "120", "-y", "40", "-c", cwd, `${command}; echo "[exit $?]"; sleep 60`);
  }

  async screen(): Promise<string> {
    return (await this.tmux("capture-pane", "-p", "-S", "-100")).stdout;
  }

  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = "";
    while (Date.now() < deadline) {
      last = await this.screen();
      if (typeof text === "string" ? last.includes(text) : text.test(last)) return last;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${last}`);
  }

  async send(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.tmux("send-keys", key);
      await sleep(80);
    }
  }

  /** Types text literally (no key names). */
  async type(text: string): Promise<void> {
    await this.tmux("send-keys", "-l", text);
  }

  async exitCode(): Promise<number> {
    const screen = await this.waitFor(/\[exit \d+\]/);
    return Number(/\[exit (\d+)\]/.exec(screen)![1]);
  }

  async close(): Promise<void> {
    await this.tmux("kill-server").catch(() => undefined);
  }
}
