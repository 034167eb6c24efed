import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics.js';
import { buildModel, paginate } from '../src/model/index.js';
import type { Entry } from '../src/parse/entry.js';
import { parseSettings } from '../src/settings.js';
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

describe('paginate', () => {
  it('splits into pages and keeps one empty page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([[]]);
  });
});
