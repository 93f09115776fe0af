import { createHash } from "node:crypto";

/** Talks to a generated app's Inngest endpoint the way the Inngest Dev Server would. */
export class InngestEndpoint {
  readonly endpoint: string;

  constructor(appUrl: string) {
    this.endpoint = `${appUrl}/api/inngest`;
  }

  async inspect(): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(this.endpoint);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** The in-band sync: the SDK answers with its whole configuration and sends nothing out. */
  async syncInBand(): Promise<{ status: number; body: SyncBody }> {
    const response = await fetch(this.endpoint, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" },
      body: JSON.stringify({ url: this.endpoint }),
    });
    return { status: response.status, body: (await response.json()) as SyncBody };
  }

  /** One execution request; `steps` maps step ids to the results the Dev Server would send back. */
  async execute(
    fnId: string,
    event: { name: string; data: Record<string, unknown> },
    steps: Record<string, unknown> = {},
  ): Promise<{ status: number; body: unknown }> {
    const memoised = Object.fromEntries(Object.entries(steps).map(([id, data]) => [hashStepId(id), { data }]));
    const response = await fetch(`${this.endpoint}?fnId=${encodeURIComponent(fnId)}&stepId=step`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event, events: [event], steps: memoised, ctx: { run_id: "test-run", attempt: 0 } }),
    });
    return { status: response.status, body: await response.json() };
  }
}

export interface SyncBody {
  app_id: string;
  framework: string;
  functions: { id: string; name: string; triggers: Record<string, unknown>[] }[];
}

export function hashStepId(id: string): string {
  return createHash("sha1").update(id).digest("hex");
}
