/**
 * A search shard's cached files are read twice: when the build plans (is the shard there?)
 * and when the write stage needs their bytes. Another build of the same site can change the
 * cache in between; then the build stops with a diagnostic naming the cache file, and the
 * output is left as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../src/build/index.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { shardedSite, snapshotTree } from './helpers.js';

/** When on, a search shard's second read in a build finds nothing, as if another build had removed it. */
const race = vi.hoisted(() => ({ on: false, reads: new Map<string, number>() }));

vi.mock('../src/cache/store.js', async (importOriginal) => {
  const store = await importOriginal<typeof import('../src/cache/store.js')>();
  return {
    ...store,
    readBlob: (...args: Parameters<typeof store.readBlob>) => {
      const name = args[1];
      if (race.on && name.startsWith('search-')) {
        const n = (race.reads.get(name) ?? 0) + 1;
        race.reads.set(name, n);
        if (n > 1) return undefined;
      }
      return store.readBlob(...args);
    },
  };
});

describe('a search cache changed during a build', () => {
  it('is an error naming the cache file, not a crash, and the output is left as it was', async () => {
    const { root } = await shardedSite(13);
    const searchShards = [9, 3];
    const first = await build({ root, searchShards });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = path.join(root, '_site');
    // The index's files must be written again, so the write stage reads the cache.
    fs.rmSync(path.join(out, 'pagefind'), { recursive: true });
    const before = snapshotTree(out);
    race.on = true;
    const second = await build({ root, searchShards });
    race.on = false;
    expect(race.reads.size).toBeGreaterThan(0);
    const errors = second.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['search-index-failed']);
    expect(formatDiagnostic(errors[0])).toMatch(/^\.linklog-cache\/search-[^:]+: the search index's cached files went missing or changed while linklog was running .*build again$/);
    expect(second.stats).toBeUndefined();
    expect(snapshotTree(out)).toEqual(before);
    // The next build mends it.
    const third = await build({ root, searchShards });
    expect(third.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(fs.existsSync(path.join(out, 'pagefind/pagefind-entry.json'))).toBe(true);
  });
});
