// The repository's tests speak to apps through the starter's own protocol client, the one every
// generated app ships in src/inngest/testing.ts, so that there is one.
import { connectToEndpoint, type EndpointClient } from "../../starters/base/src/inngest/testing.js";

export {
  connectToEndpoint,
  type EndpointClient,
  executionRequest,
  readBody,
} from "../../starters/base/src/inngest/testing.js";

/**
 * The client of the Inngest endpoint of the app at `appUrl` (served at /api/inngest), whose Inngest id
 * is `appId` (needed only to execute its functions).
 */
export function appEndpoint(appUrl: string, appId?: string): EndpointClient {
  return appId === undefined
    ? connectToEndpoint(`${appUrl}/api/inngest`)
    : connectToEndpoint(`${appUrl}/api/inngest`, appId);
}
