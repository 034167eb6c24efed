/**
 * The persistent build cache: `<root>/.linklog-cache/`, safe to delete. A few files,
 * each v8-serialised behind a SHA-256 of its bytes, so a truncated or corrupt cache is
 * detected and ignored, never trusted. Everything in it is keyed by what produced
 * it (pipeline version, settings, templates, content hashes), so a stale entry is
 * simply never looked up.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { Diagnostic } from './diagnostics.js';
import type { EntryHtml } from './entry-html.js';
import type { Entry } from './parse/entry.js';
import { writeAt } from './write.js';

export const CACHE_DIR = '.linklog-cache';
const MANIFEST_FILE = 'manifest.v1.bin';
// Parsed sources and rendered bodies, in two files written one after the other, so
// saving never holds both serialised at once. Each is valid on its own: both are
// keyed by what produced them.
const SOURCES_FILE = 'sources.v1.bin';
const BODIES_FILE = 'bodies.v1.bin';
const MAGIC = 'linklog-cache-2\n';

/** One parsed source file, valid while its size, mtime and the parse settings are unchanged. */
export interface SourceRecord {
  size: number;
  mtimeMs: number;
  entry?: Entry;
  diagnostics: Diagnostic[];
}

/** One file in the output folder as linklog last wrote it. */
export interface OutputRecord {
  size: number;
  mtimeMs: number;
  /** Signature of the inputs the file was rendered from. */
  sig?: string;
}

/** What the last build wrote, and a fingerprint of everything it was built from. Small: read on every build. */
export interface Manifest {
  pipeline: string;
  /** Hash of every input (settings, templates, public files, content files' sizes and mtimes, options). */
  fingerprint: string;
  /** Absolute output folder the records describe. */
  out: string;
  outputs: Map<string, OutputRecord>;
  /**
   * Every folder of the output (relative, '' for the output itself) with its mtime after a
   * `build`: while each is unchanged, no file was added to or removed from the output.
   */
  folders?: Map<string, number>;
  /** What the build reported, so a build that does nothing still reports it. */
  summary?: { entries: number; pages: number; diagnostics: Diagnostic[] };
}

/** Parsed files and rendered bodies. Large: read only when something changed. */
export interface ContentCache {
  pipeline: string;
  /** What the parse results depend on besides the file (the site's timezone). */
  parseKey: string;
  sources: Map<string, SourceRecord>;
  bodies: Map<string, EntryHtml>;
}

export function emptyManifest(pipeline: string): Manifest {
  return { pipeline, fingerprint: '', out: '', outputs: new Map() };
}

export function emptyContentCache(pipeline: string): ContentCache {
  return { pipeline, parseKey: '', sources: new Map(), bodies: new Map() };
}

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
function readBlob(root: string, name: string, pipeline: string): Record<string, unknown> | undefined {
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
function writeBlob<T extends object>(root: string, name: string, data: T, chunked?: keyof T & string): void {
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

export function readManifest(root: string, pipeline: string): Manifest {
  const data = readBlob(root, MANIFEST_FILE, pipeline) as Manifest | undefined;
  return data && data.outputs instanceof Map && typeof data.fingerprint === 'string' ? data : emptyManifest(pipeline);
}

export function readContentCache(root: string, pipeline: string): ContentCache {
  const cache = emptyContentCache(pipeline);
  const src = readBlob(root, SOURCES_FILE, pipeline) as Pick<ContentCache, 'parseKey' | 'sources'> | undefined;
  if (src && src.sources instanceof Map && typeof src.parseKey === 'string') {
    cache.parseKey = src.parseKey;
    cache.sources = src.sources;
  }
  const stored = readBlob(root, BODIES_FILE, pipeline) as { bodies?: unknown } | undefined;
  if (stored?.bodies instanceof Map) {
    for (const [key, b] of stored.bodies as StoredBodies) cache.bodies.set(key, { page: b.page, feed: b.feed ?? b.page });
  }
  return cache;
}

/** Bodies as stored: most commentary links only off-site, so its feed HTML is its page HTML and is stored once. */
type StoredBodies = Map<string, { page: string; feed?: string }>;

export function writeManifest(root: string, data: Manifest): void {
  writeBlob(root, MANIFEST_FILE, data, 'outputs');
}

export function writeContentCache(root: string, data: ContentCache): void {
  writeBlob(root, SOURCES_FILE, { pipeline: data.pipeline, parseKey: data.parseKey, sources: data.sources }, 'sources');
  const bodies: StoredBodies = new Map();
  for (const [key, b] of data.bodies) bodies.set(key, b.feed === b.page ? { page: b.page } : b);
  writeBlob(root, BODIES_FILE, { pipeline: data.pipeline, bodies }, 'bodies');
  // The single content file of earlier versions, now never read.
  fs.rmSync(path.join(root, CACHE_DIR, 'content.v1.bin'), { force: true });
}
