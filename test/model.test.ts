import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { buildModel, paginate, type Model, type Site } from '../src/model/index.js';
import { replaceEntries, updateModel } from '../src/model/update.js';
import type { Entry } from '../src/parse/entry.js';
import { parseSettings } from '../src/config/settings.js';
import { tagKey } from '../src/parse/slug.js';

const settings = parseSettings('baseUrl: https://example.org/\n').settings;
let n = 0;
function make(day: string, slug: string, tagsIn: string[] = [], extra: Partial<Entry> = {}): Entry {
  const instant = Date.parse(`${day}T12:00:00Z`) + n++;
  const tags = extra.tags ?? tagsIn;
  return {
    source: `content/${day}-${slug}.md`,
    title: slug,
    url: 'https://example.com/',
    date: { instant, day, hasTime: true },
    updated: instant,
    tags,
    tagKeys: tags.map(tagKey),
    hash: `${day}-${slug}`,
    draft: false,
    slug,
    body: '',
    aliases: [],
    data: {},
    lines: { tags: 5, date: 4 },
    ...extra,
  };
}

describe('buildModel', () => {
  it('orders entries newest first and groups days, months and years', () => {
    const { site } = buildModel([make('2025-12-31', 'a'), make('2026-01-02', 'b'), make('2026-01-02', 'c'), make('2026-02-01', 'd')], settings);
    expect(site.entries.map((e) => e.slug)).toEqual(['d', 'c', 'b', 'a']);
    expect(site.days.map((d) => [d.day, d.entries.length])).toEqual([['2026-02-01', 1], ['2026-01-02', 2], ['2025-12-31', 1]]);
    expect(site.months.map((m) => [m.month, m.count])).toEqual([['2026-02', 1], ['2026-01', 2], ['2025-12', 1]]);
    expect(site.years.map((y) => [y.year, y.count])).toEqual([['2026', 3], ['2025', 1]]);
  });

  it('merges tags case-insensitively and shows the most used spelling', () => {
    const { site } = buildModel([make('2026-01-01', 'a', ['Etsy']), make('2026-01-02', 'b', ['etsy']), make('2026-01-03', 'c', ['etsy'])], settings);
    expect(site.tags.map((t) => [t.name, t.slug, t.entries.length])).toEqual([['etsy', 'etsy', 3]]);
    expect(site.tags[0].entries.map((e) => e.slug)).toEqual(['c', 'b', 'a']);
  });

  it('leaves drafts out unless asked, but checks them', () => {
    const entries = [make('2026-01-01', 'a'), make('2026-01-02', 'b', ['secret'], { draft: true })];
    expect(buildModel(entries, settings).site.entries.map((e) => e.slug)).toEqual(['a']);
    expect(buildModel(entries, settings).site.tags).toEqual([]);
    expect(buildModel(entries, settings, { drafts: true }).site.entries.map((e) => e.slug)).toEqual(['b', 'a']);
  });

  it('reports two entries with one permalink, naming both files', () => {
    const { diagnostics } = buildModel([make('2026-01-01', 'same'), make('2026-01-01', 'same', [], { source: 'content/other.md' })], settings);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^content\/other\.md:4: same permalink \/2026\/01\/01\/same\/ as content\/2026-01-01-same\.md/),
    ]);
  });

  it('reports two tags whose slugs clash, naming both tags and a file of each', () => {
    const { diagnostics } = buildModel([make('2026-01-01', 'a', ['seen']), make('2026-01-02', 'b', ['seen?'])], settings);
    const m = diagnostics.map(formatDiagnostic);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^content\/2026-01-02-b\.md:5: tag 'seen\?' and tag 'seen' \(in content\/2026-01-01-a\.md\) would share the page \/tags\/seen\//);
  });

  it('checks clashes among drafts too, so --drafts never reveals a new error', () => {
    const { diagnostics } = buildModel([make('2026-01-01', 'a', ['c#']), make('2026-01-02', 'b', ['c'], { draft: true })], settings);
    expect(diagnostics).toHaveLength(1);
  });
});

describe('updateModel', () => {
  /** What a site shows, by value: the two sites must not differ in any of it. */
  const shape = (site: Site) => ({
    entries: site.entries.map((e) => `${e.source} ${e.title}`),
    days: site.days.map((d) => [d.day, d.lastmod, d.entries.map((e) => e.source)]),
    months: site.months.map((m) => [m.month, m.count, m.lastmod, m.days.map((d) => d.day)]),
    years: site.years.map((y) => [y.year, y.count, y.lastmod, y.months.map((m) => m.month)]),
    lastmod: site.lastmod,
    tags: site.tags.map((t) => [t.key, t.name, t.slug, t.entries.map((e) => e.source), `${t.origin.source} ${t.origin.title}`]),
    byKey: [...site.tagsByKey].map(([k, t]) => [k, t.name]).sort(),
    aliased: site.aliased.map((e) => `${e.source} ${e.title}`),
  });

  it('gives the model and diagnostics of a fresh build after any sequence of changes', () => {
    let seed = 7;
    // mulberry32: every bit random enough for small moduli.
    const rnd = (k: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % k;
    };
    // Few days, slugs and tags, so changes collide: shared days, clashing permalinks, tags
    // spelled two ways (the display name flips), slugs two tags share, drafts.
    const days = ['2026-01-01', '2026-01-02', '2026-02-10', '2025-12-31', '2024-06-30', '2026-01-03'];
    const tagNames = ['Web', 'web', 'WEB', 'c#', 'c', 'css', 'rust', 'Rust'];
    const files = Array.from({ length: 14 }, (_, i) => `content/f${String(i).padStart(2, '0')}.md`);
    const version = (source: string): Entry =>
      make(days[rnd(days.length)], `s${rnd(3)}`, Array.from(new Set(Array.from({ length: rnd(4) }, () => tagNames[rnd(tagNames.length)]))).filter((t, i, all) => all.findIndex((u) => tagKey(u) === tagKey(t)) === i), {
        source,
        draft: rnd(6) === 0,
        aliases: rnd(4) === 0 ? [`old/${source}/`] : [],
      });
    for (const drafts of [false, true]) {
      const current = new Map<string, Entry>();
      for (const f of files.slice(0, 6)) current.set(f, version(f));
      const all = () => [...current.keys()].sort().map((f) => current.get(f)!);
      let model: Model = buildModel(all(), settings, { drafts });
      for (let step = 0; step < 300; step++) {
        const added: Entry[] = [];
        const removed: Entry[] = [];
        const swaps: Array<{ old: Entry; fresh: Entry }> = [];
        // One change per file per build, as a build reports them.
        const picked = new Set(Array.from({ length: 1 + rnd(3) }, () => files[rnd(files.length)]));
        for (const f of picked) {
          const before = current.get(f);
          if (before && rnd(3) === 0) {
            current.delete(f);
            removed.push(before);
          } else if (before && rnd(4) === 0) {
            // What dev's fast path does: the same place, other content, a new object.
            const fresh = { ...before, body: `edited ${step}`, title: `t${step}` };
            swaps.push({ old: before, fresh });
            current.set(f, fresh);
          } else {
            if (before) removed.push(before);
            const fresh = version(f);
            current.set(f, fresh);
            added.push(fresh);
          }
        }
        // A model is never changed once made: the last one must read as it did.
        const lastShape = shape(model.site);
        if (swaps.length) {
          const replaced = replaceEntries(model, swaps);
          expect(replaced, `step ${step}: same places`).toBeDefined();
          expect(shape(model.site), `step ${step}: the last model is untouched`).toEqual(lastShape);
          model = replaced!;
        }
        const before = shape(model.site);
        const updated = updateModel(model, { added, removed });
        expect(shape(model.site), `step ${step}: the last model is untouched`).toEqual(before);
        model = updated;
        const fresh = buildModel(all(), settings, { drafts });
        expect(shape(updated.site), `step ${step}`).toEqual(shape(fresh.site));
        expect(updated.diagnostics.map(formatDiagnostic).sort(), `step ${step}`).toEqual(fresh.diagnostics.map(formatDiagnostic).sort());
      }
    }
  });

  it('makes new lists only for the days and tags a change touches', () => {
    const a = make('2026-01-01', 'a', ['web']);
    const b = make('2026-01-02', 'b', ['rust']);
    const last = buildModel([a, b], settings);
    const before = last.site;
    const c = make('2026-01-02', 'c', ['rust', 'new']);
    const { site } = updateModel(last, { added: [c], removed: [] });
    expect(site.days.find((d) => d.day === '2026-01-01')!.entries).toBe(before.days.find((d) => d.day === '2026-01-01')!.entries);
    expect(site.tagsByKey.get('web')!.entries).toBe(before.tagsByKey.get('web')!.entries);
    expect(site.tagsByKey.get('rust')!.entries).not.toBe(before.tagsByKey.get('rust')!.entries);
    expect(site.tagsByKey.get('rust')!.entries.map((e) => e.slug)).toEqual(['c', 'b']);
  });
});

describe('replaceEntries', () => {
  it('puts fresh entries in place and shares every list they are not on, or refuses when a place would change', () => {
    const a = make('2026-01-01', 'a', ['web']);
    const b = make('2026-01-02', 'b', ['rust']);
    const last = buildModel([a, b], settings);
    const fresh = { ...a, title: 'A new title', body: 'new words' };
    const next = replaceEntries(last, [{ old: a, fresh }])!;
    expect(next.site.entries).toEqual([b, fresh]);
    expect(next.site.tagsByKey.get('web')!.entries).toEqual([fresh]);
    expect(next.site.tagsByKey.get('rust')).toBe(last.site.tagsByKey.get('rust'));
    expect(next.site.days.find((d) => d.day === '2026-01-02')).toBe(last.site.days.find((d) => d.day === '2026-01-02'));
    expect(last.site.entries).toEqual([b, a]);
    for (const moved of [{ tags: ['Web'], tagKeys: ['web'] }, { slug: 'other' }, { draft: true }, { updated: a.updated + 1 }, { date: { ...a.date, instant: a.date.instant + 1 } }]) {
      expect(replaceEntries(last, [{ old: a, fresh: { ...a, ...moved } }]), JSON.stringify(moved)).toBeUndefined();
    }
  });
});

describe('paginate', () => {
  it('splits into pages and keeps one empty page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([[]]);
  });
});
