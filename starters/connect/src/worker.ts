import { connect } from "inngest/connect";
import { inngest } from "./inngest/client";
import { functions } from "./inngest/functions/index";
import { exitIfSigningKeyMissing } from "./inngest/production";

// connect() keeps a WebSocket open to Inngest and runs the functions over it; Inngest's docs require
// Node.js 22.4 or newer for it.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 4)) {
  console.error(`The connect worker needs Node.js 22.4 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

exitIfSigningKeyMissing();

// connect() retries an unreachable server for ever, without saying why; give up after this long.
const CONNECT_TIMEOUT_MS = 30_000;
const gaveUp = setTimeout(() => {
  const target =
    inngest.mode === "dev"
      ? "the Inngest Dev Server (start it with `npx inngest-cli@latest dev`, or point INNGEST_DEV at its URL)"
      : "Inngest (check INNGEST_SIGNING_KEY, INNGEST_BASE_URL for a self-hosted server, and outbound access)";
  console.error(`Could not connect to ${target} within ${CONNECT_TIMEOUT_MS / 1000} s.`);
  process.exit(1);
}, CONNECT_TIMEOUT_MS);

const connection = await connect({ apps: [{ client: inngest, functions }] });
clearTimeout(gaveUp);
console.log(`Connected to Inngest as ${inngest.id} (${functions.length} functions); Ctrl-C stops the worker.`);
await connection.closed;
