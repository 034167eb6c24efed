/** Related links and neighbours on entry pages: known answers, the plain scoring, and what dev re-renders. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, loadSite } from '../src/build/index.js';
import { devBuilds } from '../src/dev/builds.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { compareEntries } from '../src/model/index.js';
import { relatedEntries, tagBucket, tagWeight } from '../src/model/related.js';
import { $, $$, attr, entry, makeSite, readHtml, text } from './helpers.js';

// web: 7 entries, x and y: 2 each, lonely: 1.
const TAGS = ['[x, web]', '[web]', '[x, y, web]', '[y, web]', '[web]', '[web]', '[web]', '[lonely]'];

function site(): string {
  const files: Record<string, string> = { 'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\n' };
  TAGS.forEach((tags, i) => {
    files[`content/l${i + 1}.md`] = entry({ title: `Link ${i + 1}`, url: `https://example.com/${i + 1}`, date: `2026-01-0${i + 1}`, tags });
  });
  return makeSite(files);
}

const errors = (r: Awaited<ReturnType<typeof build>>) => r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
const page = (n: number) => `2026/01/0${n}/l${n}/index.html`;

describe('related links and neighbours', () => {
  it('lists up to 5 entries by the weights of the tags they share, nearest in time on ties, in <section class="related">', async () => {
    const root = site();
    const out = path.join(root, '_site');
    expect(errors(await build({ root }))).toEqual([]);
    const related = (n: number) => $$(readHtml(out, page(n)), 'section.related li a').map((a) => text(a));
    // x and y (2 entries each) weigh more than web (7): 4 and 1 share one of them and web; 4 is nearer.
    expect(related(3)).toEqual(['Link 4', 'Link 1', 'Link 2', 'Link 5', 'Link 6']);
    expect(related(1)).toEqual(['Link 3', 'Link 2', 'Link 4', 'Link 5', 'Link 6']);
    expect(related(7)).toEqual(['Link 6', 'Link 5', 'Link 4', 'Link 3', 'Link 2']);
    // Nothing shares its tag: no section at all.
    expect($(readHtml(out, page(8)), 'section.related')).toBeUndefined();
    expect(tagWeight(2)).toBeGreaterThan(tagWeight(7));
  });

  it('links the previous and next entry in time with rel=prev and rel=next, by title', async () => {
    const root = site();
    const out = path.join(root, '_site');
    expect(errors(await build({ root }))).toEqual([]);
    const p3 = readHtml(out, page(3));
    expect(text($(p3, 'a[rel=prev]'))).toBe('← Link 2');
    expect(attr($(p3, 'a[rel=prev]'), 'href')).toBe('/2026/01/02/l2/');
    expect(text($(p3, 'a[rel=next]'))).toBe('Link 4 →');
    expect(attr($(p3, 'link[rel=next]'), 'href')).toBe('/2026/01/04/l4/');
    expect($(readHtml(out, page(1)), 'a[rel=prev]')).toBeUndefined();
    expect($(readHtml(out, page(8)), 'a[rel=next]')).toBeUndefined();
  });

  it('equals scoring every candidate when every entry of a tag is a candidate, on random sites', async () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const files: Record<string, string> = { 'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\n' };
    for (let i = 0; i < 120; i++) {
      const tags = [...new Set(Array.from({ length: 1 + rnd(4) }, () => `t${rnd(3) === 0 ? rnd(30) : rnd(4)}`))];
      files[`content/e${i}.md`] = entry({ title: `E${i}`, url: `https://example.com/${i}`, date: `2026-0${1 + rnd(3)}-1${rnd(10)}`, tags: `[${tags}]` });
    }
    const { site: s } = await loadSite({ root: makeSite(files) });
    for (const e of s!.entries) {
      const scored = [...new Set(s!.entries)]
        .filter((c) => c !== e)
        .map((c) => {
          const shared = [...new Set(e.tagKeys)].filter((k) => c.tagKeys.includes(k)).map((k) => s!.tagsByKey.get(k)!);
          shared.sort((a, b) => tagBucket(a.entries.length) - tagBucket(b.entries.length) || (a.key < b.key ? -1 : 1));
          return { c, shared: shared.length, score: shared.reduce((sum, t) => sum + tagWeight(t.entries.length), 0), d: Math.abs(c.date.instant - e.date.instant) };
        })
        .filter((x) => x.shared > 0)
        .sort((a, b) => b.score - a.score || a.d - b.d || compareEntries(a.c, b.c))
        .slice(0, 5)
        .map((x) => x.c.source);
      expect(relatedEntries(s!, e, 5, Infinity).map((c) => c.source), e.source).toEqual(scored);
    }
  });

  it('under dev, a new entry re-renders only the entry pages whose related list or neighbours changed', async () => {
    const root = site();
    const builder = devBuilds({ root });
    expect(errors(await builder.build())).toEqual([]);
    const add = async (name: string, tags: string) => {
      fs.writeFileSync(path.join(root, 'content', `${name}.md`), entry({ title: name, url: `https://example.com/${name}`, date: '2026-01-09', tags }));
      builder.sourceChanged(`content/${name}.md`);
      const r = await builder.build();
      expect(errors(r)).toEqual([]);
      return r.stats!.written.filter((f) => /^2026\/01\/\d\d\/[^/]+\/index\.html$/.test(f)).sort();
    };
    // A tag nothing else has: its own page, and the one before it (whose next link is new).
    expect(await add('l9', '[alone]')).toEqual(['2026/01/08/l8/index.html', '2026/01/09/l9/index.html']);
  });
  it('keeps a related list from one dev build to the next only when a fresh computation gives the same list', async () => {
    // Few tags, so each has more entries than the candidate pool, and weights cross buckets as tags grow.
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const tagsOf = () => `[${[...new Set(Array.from({ length: 1 + rnd(3) }, () => `t${rnd(rnd(2) ? 3 : 12)}`))]}]`;
    const day = () => `2026-0${1 + rnd(9)}-${String(1 + rnd(28)).padStart(2, '0')}`;
    const files: Record<string, string> = { 'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\n' };
    const write = (i: number) => entry({ title: `E${i}`, url: `https://example.com/${i}`, date: day(), tags: tagsOf() });
    for (let i = 0; i < 240; i++) files[`content/e${i}.md`] = write(i);
    const root = makeSite(files);
    const builder = devBuilds({ root });
    expect(errors(await builder.build())).toEqual([]);
    let next = 240;
    for (let round = 0; round < 12; round++) {
      // Adds, removals and retaggings, a few at once.
      for (let k = 0; k < 1 + rnd(4); k++) {
        const what = rnd(3);
        const rel = what === 0 ? `content/e${next++}.md` : `content/e${rnd(next)}.md`;
        const abs = path.join(root, rel);
        if (what === 1 && fs.existsSync(abs)) fs.rmSync(abs);
        else fs.writeFileSync(abs, write(next + k));
        builder.sourceChanged(rel);
      }
      expect(errors(await builder.build())).toEqual([]);
      const last = builder.state.last!;
      const s = last.ctx.site;
      let checked = 0;
      for (const f of last.plan.files) {
        if (f.output !== 'entries') continue;
        const [e] = f.inputs.entries;
        const n = f.inputs.values[6] as number; // after the page values of plan/page.ts
        expect(f.inputs.entries.slice(1, 1 + n).map((c) => c.source), `round ${round}, ${e.source}`).toEqual(relatedEntries(s, e).map((c) => c.source));
        checked++;
      }
      expect(checked).toBe(s.entries.length);
    }
  });
});
