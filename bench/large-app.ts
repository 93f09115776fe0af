import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

// A large Express app for the bench, written into `dir` (an app made by the CLI, with Inngest): `count`
// modules of about 8 KB under src/modules/, a third of them routers (`express.Router()`), the rest
// services that send events with the app's client. Generated on each run; never committed.

const FILLER_FIELDS = Array.from({ length: 12 }, (_, i) => `field${i}`);

function body(i: number): string {
  const fields = FILLER_FIELDS.map((field) => `  ${field}: string;`).join("\n");
  const helpers = Array.from(
    { length: 34 },
    (_, j) => `export function helper${i}x${j}(record: Record${i}): string {
  const parts = [record.field0, record.field1, record.field2].filter((part) => part.length > ${j});
  return parts.map((part) => part.trim().toLowerCase()).join("-") + "-${j}";
}
`,
  ).join("\n");
  return `export interface Record${i} {\n  id: number;\n${fields}\n}\n\n${helpers}`;
}

function router(i: number): string {
  return `import express from "express";
import { helper${i}x0, type Record${i} } from "./model-${i}.js";

// Routes of module ${i}.
export const router${i} = express.Router();

router${i}.get("/items/:id", (req, res) => {
  const record = { id: Number(req.params.id) } as Record${i};
  res.json({ slug: helper${i}x0(record) });
});

${body(i + 100_000)}`;
}

function service(i: number): string {
  return `import { inngest } from "../../inngest/client.js";

// Work of module ${i}: an event for each record saved.
export async function save${i}(id: number): Promise<void> {
  await inngest.send({ name: "app/record.saved", data: { id, module: ${i} } });
}

${body(i)}`;
}

/** Writes the modules; returns how many files and bytes. */
export function writeLargeApp(dir: string, count: number): { files: number; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const moduleDir = path.join(dir, "src", "modules", `m${Math.floor(i / 3)}`);
    mkdirSync(moduleDir, { recursive: true });
    const isRouter = i % 3 === 0;
    const text = isRouter ? router(i) : service(i);
    writeFileSync(path.join(moduleDir, isRouter ? `routes-${i}.ts` : `model-${i}.ts`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}
