/**
 * The persistent build cache: `<root>/.linklog-cache/`, safe to delete. A few files,
 * each v8-serialised behind a SHA-256 of its bytes, so a truncated or corrupt cache is
 * detected and ignored, never trusted. Everything in it is keyed by what produced
 * it (pipeline version, settings, templates, content hashes), so a stale entry is
 * simply never looked up. This module reads and writes one such file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeAt } from '../lib/fs.js';

export const CACHE_DIR = '.linklog-cache';
const MAGIC = 'linklog-cache-2\n';

function checksum(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A cache file: a header line (magic, SHA-256 of the rest), then length-prefixed
 * v8-serialised parts: the data without its large Map, then that Map's entries a
 * slice at a time. Saving then never holds the whole file serialised at once.
 */
const SLICE = 2000;

/** Reads one cache file; anything missing, foreign, truncated or corrupt gives undefined. */
export function readBlob(root: string, name: string, pipeline: string): Record<string, unknown> | undefined {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(path.join(root, CACHE_DIR, name));
  } catch {
    return undefined;
  }
  try {
    const header = raw.subarray(0, MAGIC.length + 65).toString('latin1');
    if (!header.startsWith(MAGIC)) return undefined;
    const body = raw.subarray(MAGIC.length + 65);
    if (checksum(body) !== header.slice(MAGIC.length, MAGIC.length + 64)) return undefined;
    const parts: unknown[] = [];
    for (let at = 0; at < body.length; ) {
      const size = body.readUInt32LE(at);
      parts.push(v8.deserialize(body.subarray(at + 4, at + 4 + size)));
      at += 4 + size;
    }
    const [data, ...slices] = parts as [{ pipeline?: unknown; chunked?: string } & Record<string, unknown>, ...Array<Array<[unknown, unknown]>>];
    if (!data || data.pipeline !== pipeline) return undefined;
    const field = data.chunked;
    delete data.chunked;
    if (field) data[field] = new Map(slices.flat());
    return data;
  } catch {
    return undefined;
  }
}

/** Writes one cache file whole (temporary file, then rename): a crash never leaves half a file. */
export function writeBlob<T extends object>(root: string, name: string, data: T, chunked?: keyof T & string): void {
  const dir = path.join(root, CACHE_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    const hash = createHash('sha256');
    let at = MAGIC.length + 65;
    const put = (value: unknown) => {
      const bytes = v8.serialize(value);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(bytes.length);
      for (const b of [size, bytes]) {
        hash.update(b);
        writeAt(fd, b, at);
        at += b.length;
      }
    };
    const map = chunked ? (data[chunked] as Map<unknown, unknown>) : undefined;
    put(map ? { ...data, [chunked!]: undefined, chunked } : data);
    if (map) {
      let slice: Array<[unknown, unknown]> = [];
      for (const entry of map) {
        slice.push(entry);
        if (slice.length === SLICE) {
          put(slice);
          slice = [];
        }
      }
      if (slice.length) put(slice);
    }
    writeAt(fd, Buffer.from(`${MAGIC}${hash.digest('hex')}\n`, 'latin1'), 0);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const ignore = path.join(dir, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n');
}

