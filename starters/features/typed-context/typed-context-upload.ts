import { inngest } from "../client";
import { fileUploaded } from "../events";
import { TypedContextMiddleware } from "../middleware/typed-context-middleware";

const bucketByRegion = { "eu-west-1": "uploads-eu", "us-east-1": "uploads-us" } as const;

export const storeUpload = inngest.createFunction(
  {
    id: "store-upload",
    triggers: [fileUploaded],
    middleware: [TypedContextMiddleware],
  },
  async ({ event, region }) => {
    // `region` is the literal "eu-west-1", so this lookup is typed "uploads-eu".
    const bucket = bucketByRegion[region];
    return { fileId: event.data.fileId, region, bucket };
  },
);
