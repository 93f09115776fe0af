import { createHash, createHmac, randomBytes } from "node:crypto";
import { executionRequest, readBody } from "./inngest.js";

/** A key of the form Inngest issues: `signkey-<env>-` and 64 hex digits. */
export function makeSigningKey(env = "prod"): string {
  return `signkey-${env}-${randomBytes(32).toString("hex")}`;
}

/**
 * What the SDK reports as `signing_key_hash` on a signed GET: the first 12 hex digits of the
 * SHA-256 of the key's hex digits read as bytes (helpers/strings.js hashSigningKey).
 */
export function signingKeyHash(signingKey: string): string {
  const hex = withoutPrefix(signingKey);
  return createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex").slice(0, 12);
}

/**
 * JSON as RFC 8785 writes it (the `canonicalize` package the SDK signs with): object keys sorted
 * by code unit at every depth, no whitespace, `undefined` members dropped.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  const members = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(",")}}`;
}

/**
 * The `x-inngest-signature` header Inngest sends: `t=<unix seconds>&s=<hex>`, where `<hex>` is
 * HMAC-SHA256, keyed with the signing key minus its `signkey-<env>-` prefix, over the canonical
 * JSON of the parsed body (the empty string for a GET) followed by the timestamp.
 */
export function inngestSignature(body: unknown, signingKey: string, timestampSeconds = nowSeconds()): string {
  const data = body === undefined ? "" : canonicalJson(body);
  const hex = createHmac("sha256", withoutPrefix(signingKey)).update(`${data}${timestampSeconds}`).digest("hex");
  return `t=${timestampSeconds}&s=${hex}`;
}

export function nowSeconds(): number {
  return Math.round(Date.now() / 1000);
}

function withoutPrefix(signingKey: string): string {
  return signingKey.replace(/^signkey-\w+-/, "");
}

/** How a request is signed: by which key and when; `false` sends no signature at all. */
export type Signing = { key: string; timestampSeconds?: number } | false;

export interface InngestEvent {
  name: string;
  data: Record<string, unknown>;
}

/**
 * Talks to a generated app's Inngest endpoint in cloud mode, signing the requests of the starter's
 * protocol client (`executionRequest`) as Inngest does.
 */
export class SignedInngestEndpoint {
  readonly endpoint: string;

  constructor(
    appUrl: string,
    private readonly appId: string,
  ) {
    this.endpoint = `${appUrl}/api/inngest`;
  }

  async inspect(signing: Signing): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(this.endpoint, { headers: signatureHeader(undefined, signing) });
    return { status: response.status, body: (await readBody(response)) as Record<string, unknown> };
  }

  /**
   * One execution request as the Inngest executor sends it, with the stack of steps that ran. The
   * body goes out with its keys in insertion order (not sorted), so a signature over anything but
   * its canonical form would fail.
   */
  async execute(
    functionId: string,
    event: InngestEvent,
    steps: Record<string, unknown>,
    signing: Signing,
  ): Promise<{ status: number; body: unknown }> {
    const request = executionRequest(this.appId, functionId, { events: [event], steps });
    const stepIds = Object.keys(request.body.steps);
    const body = {
      ...request.body,
      ctx: {
        ...request.body.ctx,
        run_id: "01PRODUCTIONTESTRUN",
        stack: { stack: stepIds, current: Math.max(stepIds.length - 1, 0) },
      },
    };
    const response = await fetch(`${this.endpoint}?${request.query}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signatureHeader(body, signing) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await readBody(response) };
  }
}

function signatureHeader(body: unknown, signing: Signing): Record<string, string> {
  if (signing === false) return {};
  return { "x-inngest-signature": inngestSignature(body, signing.key, signing.timestampSeconds) };
}
