/**
 * Parsed sources and rendered bodies, in two files written one after the other, so
 * saving never holds both serialised at once. Each is valid on its own: both are keyed
 * by what produced them. Large: read only when a build has something to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_DIR, readBlob, writeBlob } from './store.js';
const SOURCES_FILE = 'sources.v2.bin';
const BODIES_FILE = 'bodies.v1.bin';
export function emptyContentCache(pipeline) {
    return { pipeline, parseKey: '', sources: new Map(), bodies: new Map() };
}
export function readContentCache(root, pipeline, notes) {
    const cache = emptyContentCache(pipeline);
    const src = readBlob(root, SOURCES_FILE, pipeline, notes);
    if (src && src.sources instanceof Map && typeof src.parseKey === 'string') {
        cache.parseKey = src.parseKey;
        cache.sources = src.sources;
    }
    const stored = readBlob(root, BODIES_FILE, pipeline, notes);
    if (stored?.bodies instanceof Map) {
        for (const [key, b] of stored.bodies)
            cache.bodies.set(key, { ...b, feed: b.feed ?? b.page });
    }
    return cache;
}
export function writeContentCache(root, data, faults) {
    writeBlob(root, SOURCES_FILE, { pipeline: data.pipeline, parseKey: data.parseKey, sources: data.sources }, 'sources', faults);
    const bodies = new Map();
    for (const [key, b] of data.bodies)
        bodies.set(key, b.feed === b.page ? { ...b, feed: undefined } : b);
    writeBlob(root, BODIES_FILE, { pipeline: data.pipeline, bodies }, 'bodies', faults);
    // Files of earlier versions, now never read.
    for (const old of ['content.v1.bin', 'sources.v1.bin'])
        fs.rmSync(path.join(root, CACHE_DIR, old), { force: true });
}
//# sourceMappingURL=content.js.map