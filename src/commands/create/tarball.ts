import { gunzipSync } from "node:zlib";

export interface TarEntry {
  /** The path inside the archive, with forward slashes and no leading `./`. */
  path: string;
  contents: Uint8Array;
}

const BLOCK = 512;

/**
 * The regular files of a gzipped tar archive (ustar, with pax and GNU long-name headers), bytes as
 * they are. Directories, links and pax global headers are skipped. Throws on a truncated archive
 * and on a path that leads out of it (absolute, or with a `..` segment).
 */
export function readTarball(gzipped: Uint8Array): TarEntry[] {
  const tar = gunzipSync(gzipped);
  const entries: TarEntry[] = [];
  let longPath: string | undefined;
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = readSize(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] ?? 0);
    const bodyStart = offset + BLOCK;
    const bodyEnd = bodyStart + size;
    if (bodyEnd > tar.length) throw new Error("the archive is truncated");
    const body = tar.subarray(bodyStart, bodyEnd);
    offset = bodyStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === "x") longPath = paxRecords(body).path ?? longPath;
    else if (type === "L") longPath = text(body);
    else if (type === "0" || type === "\0" || type === "7") {
      const prefix = text(header.subarray(345, 500));
      const name = text(header.subarray(0, 100));
      const entryPath = longPath ?? (prefix ? `${prefix}/${name}` : name);
      if (entryPath.startsWith("/") || entryPath.split("/").includes("..")) {
        throw new Error(`the path "${entryPath}" leads out of the archive`);
      }
      entries.push({ path: entryPath.replace(/^\.\//, ""), contents: Uint8Array.from(body) });
      longPath = undefined;
    } else if (type !== "g") longPath = undefined;
  }
  return entries;
}

/** A NUL-terminated octal number, or base-256 when the high bit of the first byte is set. */
function readSize(field: Uint8Array): number {
  if ((field[0] ?? 0) & 0x80) return field.subarray(1).reduce((value, byte) => value * 256 + byte, 0);
  const octal = text(field).trim();
  const size = octal === "" ? 0 : Number.parseInt(octal, 8);
  if (Number.isNaN(size)) throw new Error("a header is not a tar header");
  return size;
}

/** Pax extended header records: `<length> <key>=<value>\n`, length counting the whole record. */
function paxRecords(body: Uint8Array): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    const length = Number.parseInt(text(body.subarray(offset, space)), 10);
    if (space < 0 || !(length > 0)) break;
    const record = Buffer.from(body.subarray(space + 1, offset + length - 1)).toString("utf8");
    const equals = record.indexOf("=");
    records[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return records;
}

function text(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)).toString("utf8");
}
