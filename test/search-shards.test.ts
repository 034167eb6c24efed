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
import { REPO, shardedSite, tempDir } from './helpers.js';

const errors = (r: { diagnostics: { severity: string }[] }) => r.diagnostics.filter((d) => d.severity === 'error');
const brief = (n: number, levels?: readonly number[]) => shardLayout(n, levels).map((s) => `${s.level}@${s.start}+${s.size}`);

describe('the shard layout', () => {
  it('is full shards of 5,000, 500 and 100, oldest first, then a partial one of fewer than 100', () => {
    expect(SHARD_LEVELS).toEqual([5000, 500, 100]);
    expect(shardLayout(0)).toEqual([]);
    expect(shardLayout(1)).toEqual([{ level: 100, start: 0, size: 1, dir: '' }]);
    expect(shardLayout(99)).toEqual([{ level: 100, start: 0, size: 99, dir: '' }]);
    expect(shardLayout(100)).toEqual([{ level: 100, start: 0, size: 100, dir: '' }]);
    expect(shardLayout(101)).toEqual([
      { level: 100, start: 0, size: 100, dir: '' },
      { level: 100, start: 100, size: 1, dir: 'part-100-100/' },
    ]);
    expect(brief(12_345)).toEqual(['5000@0+5000', '5000@5000+5000', '500@10000+500', '500@10500+500', '500@11000+500', '500@11500+500', '100@12000+100', '100@12100+100', '100@12200+100', '100@12300+45']);
    expect(shardLayout(12_345).map((s) => s.dir).slice(0, 3)).toEqual(['', 'part-5000-5000/', 'part-500-10000/']);
    expect(shardLayout(12_345).at(-1)!.dir).toBe('part-100-12300/');
    // At most 9 full shards of 500 and 4 of 100 besides those of 5,000: a + 14 bundles.
    expect(brief(14_999)).toHaveLength(2 + 9 + 4 + 1);
    expect(brief(100_000)).toHaveLength(20);
    expect(brief(100_001).at(-1)).toBe('100@100000+1');
  });

  it('merges five full shards of 100 into one of 500 and ten of 500 into one of 5,000, at the entry that fills them', () => {
    expect(brief(499)).toEqual(['100@0+100', '100@100+100', '100@200+100', '100@300+100', '100@400+99']);
    expect(brief(500)).toEqual(['500@0+500']);
    expect(brief(4_999)).toEqual([...Array.from({ length: 9 }, (_, i) => `500@${i * 500}+500`), '100@4500+100', '100@4600+100', '100@4700+100', '100@4800+100', '100@4900+99']);
    expect(brief(5_000)).toEqual(['5000@0+5000']);
    expect(brief(10_599)).toEqual(['5000@0+5000', '5000@5000+5000', '500@10000+500', '100@10500+99']);
    expect(brief(10_600)).toEqual(['5000@0+5000', '5000@5000+5000', '500@10000+500', '100@10500+100']);
  });

  it('keeps every full shard, its place and its folder, while one entry is added, except at a merge', () => {
    for (let n = 0; n < 12_000; n++) {
      const before = shardLayout(n);
      const after = shardLayout(n + 1);
      const fullBefore = before.filter((s) => s.size === s.level);
      const merge = (n + 1) % 500 === 0;
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

describe("the search page's own layout (templates/search.eta)", () => {
  it('names the bundles shardLayout makes, for every count up to 12,000 and for large ones', () => {
    const template = fs.readFileSync(path.join(REPO, 'templates/search.eta'), 'utf8');
    const code = /\/\/ shard layout:[^\n]*\n(?:\s*\/\/[^\n]*\n)*([\s\S]*?)\n\s*\/\/ shard layout end/.exec(template)?.[1];
    expect(code, 'the template marks its layout function').toBeTruthy();
    const shardDirs = new Function(`${code}\nreturn shardDirs;`)() as (count: number, levels: readonly number[]) => string[];
    const differ: string[] = [];
    for (const levels of [SHARD_LEVELS, [9, 3], [7]]) {
      for (const n of [...Array.from({ length: 12_001 }, (_, i) => i), 99_999, 100_000, 100_001, 123_456]) {
        if (shardDirs(n, levels).join() !== shardLayout(n, levels).map((s) => s.dir).join()) differ.push(`${n} entries, levels ${levels}`);
      }
    }
    expect(differ).toEqual([]);
    expect(shardDirs(12_345, SHARD_LEVELS).at(-1)).toBe('part-100-12300/');
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
    // 13 = 9 + 3 + 1: three bundles; the search page names the levels, its script the bundles (from build.json's count).
    expect(fs.readFileSync(path.join(out, 'search/index.html'), 'utf8')).toContain('data-levels="9 3" data-stamp="/links/build.json"');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'build.json'), 'utf8')).entries).toBe(13);
    expect(fs.readdirSync(path.join(out, 'pagefind')).filter((f) => f.startsWith('part-')).sort()).toEqual(['part-3-12', 'part-3-9']);
    // Only the first bundle has Pagefind's scripts and wasm.
    expect(fs.readdirSync(path.join(out, 'pagefind/part-3-9')).some((f) => /\.js$|^wasm\./.test(f))).toBe(false);
    const full = new Map([...filesUnder(path.join(out, 'pagefind'))].filter(([p]) => !p.startsWith('part-3-12/')));

    // A shard's cache file of the single-size layout before: removed once an index is made.
    fs.writeFileSync(path.join(root, '.linklog-cache/search-1'), 'old');
    add(13);
    const second = await build({ root, searchShards });
    expect(fs.existsSync(path.join(root, '.linklog-cache/search-1'))).toBe(false);
    expect(errors(second)).toEqual([]);
    expect(second.stats!.searchIndexed).toBe(1);
    const search = second.stats!.written.filter((f) => f.startsWith('pagefind/'));
    expect(search.length).toBeGreaterThan(0);
    expect(search.length).toBeLessThanOrEqual(6);
    expect(search.every((f) => f.startsWith('pagefind/part-3-12/'))).toBe(true);
    // The search page does not depend on the entries: it is not rewritten.
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
    // A new bundle and a merge, and still the same search page.
    expect(fourth.stats!.written).not.toContain('search/index.html');
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
