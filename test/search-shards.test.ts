/**
 * The search index's shards: the layout (entry count → full shards of each level, a partial
 * one last, a level's shards merged into one of the next when they fill it), and, with small
 * sizes, what one new entry rewrites: only the partial shard's few files, the full shards'
 * files byte for byte the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { SHARD_LEVELS, shardLayout } from '../src/render/search.js';
import { shardedSite, tempDir } from './helpers.js';

const errors = (r: { diagnostics: { severity: string }[] }) => r.diagnostics.filter((d) => d.severity === 'error');
const brief = (n: number, levels?: readonly number[]) => shardLayout(n, levels).map((s) => `${s.level}@${s.start}+${s.size}`);

describe('the shard layout', () => {
  it('is full shards of 5,000, 1,000 and 200, oldest first, then a partial one of fewer than 200', () => {
    expect(SHARD_LEVELS).toEqual([5000, 1000, 200]);
    expect(shardLayout(0)).toEqual([]);
    expect(shardLayout(1)).toEqual([{ level: 200, start: 0, size: 1, dir: '' }]);
    expect(shardLayout(199)).toEqual([{ level: 200, start: 0, size: 199, dir: '' }]);
    expect(shardLayout(200)).toEqual([{ level: 200, start: 0, size: 200, dir: '' }]);
    expect(shardLayout(201)).toEqual([
      { level: 200, start: 0, size: 200, dir: '' },
      { level: 200, start: 200, size: 1, dir: 'part-200-200/' },
    ]);
    expect(brief(12_345)).toEqual(['5000@0+5000', '5000@5000+5000', '1000@10000+1000', '1000@11000+1000', '200@12000+200', '200@12200+145']);
    expect(shardLayout(12_345).map((s) => s.dir)).toEqual(['', 'part-5000-5000/', 'part-1000-10000/', 'part-1000-11000/', 'part-200-12000/', 'part-200-12200/']);
    // At most 4 full shards of 1,000 and 4 of 200 besides those of 5,000: a + 9 bundles.
    expect(brief(14_999)).toHaveLength(2 + 4 + 4 + 1);
    expect(brief(100_000)).toHaveLength(20);
    expect(brief(100_001).at(-1)).toBe('200@100000+1');
  });

  it('merges five full shards of 200 into one of 1,000 and five of 1,000 into one of 5,000, at the entry that fills them', () => {
    expect(brief(999)).toEqual(['200@0+200', '200@200+200', '200@400+200', '200@600+200', '200@800+199']);
    expect(brief(1000)).toEqual(['1000@0+1000']);
    expect(brief(4_999)).toEqual(['1000@0+1000', '1000@1000+1000', '1000@2000+1000', '1000@3000+1000', '200@4000+200', '200@4200+200', '200@4400+200', '200@4600+200', '200@4800+199']);
    expect(brief(5_000)).toEqual(['5000@0+5000']);
    expect(brief(11_199)).toEqual(['5000@0+5000', '5000@5000+5000', '1000@10000+1000', '200@11000+199']);
    expect(brief(11_200)).toEqual(['5000@0+5000', '5000@5000+5000', '1000@10000+1000', '200@11000+200']);
  });

  it('keeps every full shard, its place and its folder, while one entry is added, except at a merge', () => {
    for (let n = 0; n < 12_000; n++) {
      const before = shardLayout(n);
      const after = shardLayout(n + 1);
      const fullBefore = before.filter((s) => s.size === s.level);
      const merge = (n + 1) % 1000 === 0;
      if (!merge) expect(after.slice(0, fullBefore.length)).toEqual(fullBefore);
      // Every entry in exactly one shard, in order.
      expect(after.reduce((at, s) => (expect(s.start).toBe(at), at + s.size), 0)).toBe(n + 1);
      expect(new Set(after.map((s) => s.dir)).size).toBe(after.length);
    }
  });

  it('takes other sizes (tests use small ones)', () => {
    expect(brief(14, [9, 3])).toEqual(['9@0+9', '3@9+3', '3@12+2']);
    expect(brief(18, [9, 3])).toEqual(['9@0+9', '9@9+9']);
    expect(brief(7, [5])).toEqual(['5@0+5', '5@5+2']);
  });
});

/** Every file under `dir`, by path, with its bytes. */
function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, rel);
    if (fs.statSync(p).isFile()) out.set(rel.split(path.sep).join('/'), fs.readFileSync(p).toString('base64'));
  }
  return out;
}

describe('the index with small shards', () => {
  const searchShards = [9, 3];

  it('one new entry rewrites only the partial shard (a few files); full shards stay byte for byte; a filled level merges', async () => {
    const { root, add } = await shardedSite(13);
    const out = path.join(root, '_site');
    const first = await build({ root, searchShards });
    expect(errors(first)).toEqual([]);
    // 13 = 9 + 3 + 1: three bundles, the search page merging the two after /pagefind/.
    expect(fs.readFileSync(path.join(out, 'search/index.html'), 'utf8')).toContain('data-merge="/links/pagefind/part-3-9/ /links/pagefind/part-3-12/"');
    expect(fs.readdirSync(path.join(out, 'pagefind')).filter((f) => f.startsWith('part-')).sort()).toEqual(['part-3-12', 'part-3-9']);
    // Only the first bundle has Pagefind's scripts and wasm.
    expect(fs.readdirSync(path.join(out, 'pagefind/part-3-9')).some((f) => /\.js$|^wasm\./.test(f))).toBe(false);
    const full = new Map([...filesUnder(path.join(out, 'pagefind'))].filter(([p]) => !p.startsWith('part-3-12/')));

    add(13);
    const second = await build({ root, searchShards });
    expect(errors(second)).toEqual([]);
    expect(second.stats!.searchIndexed).toBe(1);
    const search = second.stats!.written.filter((f) => f.startsWith('pagefind/'));
    expect(search.length).toBeGreaterThan(0);
    expect(search.length).toBeLessThanOrEqual(6);
    expect(search.every((f) => f.startsWith('pagefind/part-3-12/'))).toBe(true);
    // The list of bundles is the same: the search page is not rewritten.
    expect(second.stats!.written).not.toContain('search/index.html');
    const now = filesUnder(path.join(out, 'pagefind'));
    for (const [p, bytes] of full) expect(now.get(p), p).toBe(bytes);

    // Nothing changed: nothing indexed, nothing written.
    const third = await build({ root, searchShards });
    expect(third.stats!.searchIndexed ?? 0).toBe(0);
    expect(third.stats!.written).toEqual([]);

    // Four more: 18 = 9 + 9, the shards of 3 merged into one of 9, their folders gone.
    for (let i = 14; i < 18; i++) add(i);
    const fourth = await build({ root, searchShards });
    expect(errors(fourth)).toEqual([]);
    expect(fourth.stats!.searchIndexed).toBe(1);
    expect(fs.readdirSync(path.join(out, 'pagefind')).filter((f) => f.startsWith('part-'))).toEqual(['part-9-9']);
    expect(fs.readFileSync(path.join(out, 'search/index.html'), 'utf8')).toContain('data-merge="/links/pagefind/part-9-9/"');
    // The merged shards' cache files are gone.
    expect(fs.readdirSync(path.join(root, '.linklog-cache')).filter((f) => f.startsWith('search-')).sort()).toEqual(['search-9-0', 'search-9-9']);
    for (const [p, bytes] of filesUnder(path.join(out, 'pagefind'))) if (!p.startsWith('part-')) expect(bytes, p).toBe(full.get(p));
  });

  it('an index made piece by piece is the one a fresh build makes', async () => {
    const { root, add } = await shardedSite(13);
    expect(errors(await build({ root, searchShards }))).toEqual([]);
    add(13);
    expect(errors(await build({ root, searchShards }))).toEqual([]);
    const fresh = path.join(tempDir(), 'site');
    expect(errors(await build({ root, out: fresh, cache: false, searchShards }))).toEqual([]);
    expect(filesUnder(path.join(fresh, 'pagefind'))).toEqual(filesUnder(path.join(root, '_site/pagefind')));
  });
});
