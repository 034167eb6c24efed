/**
 * Parsed sources and rendered bodies, in two files written one after the other, so
 * saving never holds both serialised at once. Each is valid on its own: both are keyed
 * by what produced them. Large: read only when a build has something to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../lib/diagnostics.js';
import type { EntryHtml } from '../markdown/html.js';
import type { Entry } from '../parse/entry.js';
import type { Faults } from '../write/faults.js';
import { CACHE_DIR, readBlob, writeBlob } from './store.js';

const SOURCES_FILE = 'sources.v2.bin';
const BODIES_FILE = 'bodies.v1.bin';

/** One parsed source file, valid while its stat (size, mtime, ctime, inode) and the parse key are unchanged. */
export interface SourceRecord {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  entry?: Entry;
  diagnostics: Diagnostic[];
}

export interface ContentCache {
  pipeline: string;
  /** What the parse results depend on besides the file (the site's timezone). */
  parseKey: string;
  sources: Map<string, SourceRecord>;
  bodies: Map<string, EntryHtml>;
}

export function emptyContentCache(pipeline: string): ContentCache {
  return { pipeline, parseKey: '', sources: new Map(), bodies: new Map() };
}

export function readContentCache(root: string, pipeline: string, notes?: string[]): ContentCache {
  const cache = emptyContentCache(pipeline);
  const src = readBlob(root, SOURCES_FILE, pipeline, notes) as Pick<ContentCache, 'parseKey' | 'sources'> | undefined;
  if (src && src.sources instanceof Map && typeof src.parseKey === 'string') {
    cache.parseKey = src.parseKey;
    cache.sources = src.sources;
  }
  const stored = readBlob(root, BODIES_FILE, pipeline, notes) as { bodies?: unknown } | undefined;
  if (stored?.bodies instanceof Map) {
    for (const [key, b] of stored.bodies as StoredBodies) cache.bodies.set(key, { ...b, feed: b.feed ?? b.page });
  }
  return cache;
}

/** Bodies as stored: most commentary links only off-site, so its feed HTML is its page HTML and is stored once. */
type StoredBodies = Map<string, Omit<EntryHtml, 'feed'> & { feed?: string }>;

export function writeContentCache(root: string, data: ContentCache, faults?: Faults): void {
  writeBlob(root, SOURCES_FILE, { pipeline: data.pipeline, parseKey: data.parseKey, sources: data.sources }, 'sources', faults);
  const bodies: StoredBodies = new Map();
  for (const [key, b] of data.bodies) bodies.set(key, b.feed === b.page ? { ...b, feed: undefined } : b);
  writeBlob(root, BODIES_FILE, { pipeline: data.pipeline, bodies }, 'bodies', faults);
  // Files of earlier versions, now never read.
  for (const old of ['content.v1.bin', 'sources.v1.bin']) fs.rmSync(path.join(root, CACHE_DIR, old), { force: true });
}
