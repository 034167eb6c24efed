import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { zone } from '../src/lib/time.js';
import { parseDate as parseDateIn } from '../src/parse/dates.js';
import { parseEntry } from '../src/parse/entry.js';
import { slugify, tagKey } from '../src/parse/slug.js';
import { parseSettings } from '../src/config/settings.js';
import { entry } from './helpers.js';

const settings = (timezone = 'UTC') => parseSettings(`baseUrl: https://example.org/\ntimezone: ${timezone}\n`).settings;
const parse = (text: string, timezone = 'UTC') => parseEntry({ path: 'content/x.md', text }, { settings: settings(timezone), zone: zone(timezone) });
const parseDate = (value: unknown, timezone: string) => parseDateIn(value, zone(timezone));
const messages = (text: string) => parse(text).diagnostics.map(formatDiagnostic);
const ok = { title: 'T', url: 'https://example.com/', date: '2026-11-24' };

describe('parseDate', () => {
  it('keeps a date-only value on its calendar day in every timezone', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata']) {
      const d = parseDate('2026-11-24', tz);
      expect(d).toMatchObject({ day: '2026-11-24', hasTime: false });
    }
  });

  it('puts a date-only value at midnight of the site timezone', () => {
    const d = parseDate('2026-11-24', 'America/New_York');
    expect(typeof d !== 'string' && new Date(d.instant).toISOString()).toBe('2026-11-24T05:00:00.000Z');
  });

  it('reads an offset and assigns the day in the site timezone (west of UTC)', () => {
    const d = parseDate('2026-11-25T03:00:00Z', 'America/New_York');
    expect(d).toMatchObject({ day: '2026-11-24', hasTime: true });
  });

  it('reads a date-time without offset in the site timezone', () => {
    const d = parseDate('2026-07-01T09:30', 'Europe/Dublin');
    expect(typeof d !== 'string' && new Date(d.instant).toISOString()).toBe('2026-07-01T08:30:00.000Z');
  });

  it('accepts a space before the offset and fractional seconds', () => {
    const d = parseDate('2018-05-15 12:00:00.5 +02:00', 'UTC');
    expect(typeof d !== 'string' && new Date(d.instant).toISOString()).toBe('2018-05-15T10:00:00.500Z');
  });

  it('rejects impossible dates and other types', () => {
    expect(parseDate('2026-02-30', 'UTC')).toMatch(/not a calendar date/);
    expect(parseDate('2026-11-24T25:00', 'UTC')).toMatch(/not a valid time/);
    expect(parseDate('yesterday', 'UTC')).toMatch(/is not a date/);
    expect(parseDate(20261124, 'UTC')).toMatch(/must be a date/);
  });
});

describe('slugs and tag keys', () => {
  it('compares tags case-insensitively in NFC', () => {
    expect(tagKey('Etsy')).toBe(tagKey('etsy'));
    expect(tagKey('Cafe\u0301')).toBe(tagKey('café'));
  });

  it('keeps letters, digits and - _ . +', () => {
    expect(slugify('c++')).toBe('c++');
    expect(slugify('Café')).toBe('café');
    expect(slugify('日本語')).toBe('日本語');
    expect(slugify('node.js')).toBe('node.js');
    expect(slugify('snake_case')).toBe('snake_case');
  });

  it('never produces path separators, .., ?, #, % or whitespace', () => {
    for (const raw of ['a/b', 'a\\b', '../etc/passwd', 'what?', 'c#', '100%', 'two words', '..', '.hidden', 'x..y', 'tab\tbed']) {
      const s = slugify(raw);
      expect(s, raw).not.toMatch(/[/\\?#%\s]|\.\./);
      expect(s, raw).not.toMatch(/^\./);
      expect(s.length, raw).toBeGreaterThan(0);
    }
  });

  it('gives a tag without letters or digits a code-point slug', () => {
    expect(slugify('🙂')).toBe('u1f642');
  });
});

describe('parseEntry', () => {
  it('reads a complete entry', () => {
    const r = parse(
      entry({ title: '"A <b> & c"', url: 'https://example.com/a?q=<x>', date: '2026-11-24', tags: 'one Two two', via: 'Hacker News', mood: 'happy' }, 'Body\n'),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.entry).toMatchObject({
      title: 'A <b> & c',
      url: 'https://example.com/a?q=%3Cx%3E',
      tags: ['one', 'Two'],
      via: { name: 'Hacker News' },
      slug: 'x',
      body: 'Body\n',
      data: { mood: 'happy' },
    });
  });

  it('reports each missing field with the file and a line', () => {
    expect(messages(entry({ note: 'x' }))).toEqual([
      'content/x.md:1: missing title',
      'content/x.md:1: missing url',
      expect.stringMatching(/^content\/x\.md:1: missing date/),
    ]);
  });

  it('points at the line of a bad field', () => {
    const m = messages(entry({ title: 'T', url: 'javascript:alert(1)', date: '2026-11-24' }));
    expect(m).toEqual([expect.stringMatching(/^content\/x\.md:3: url 'javascript:alert\(1\)' must be an http or https URL/)]);
  });

  it.each([
    ['ftp://example.com/', /must be an http or https URL/],
    ['/relative/path', /not an absolute URL/],
    ['example.com', /not an absolute URL/],
    ['[a, b]', /must be an absolute http/],
  ])('rejects url %s', (url, message) => {
    expect(messages(entry({ ...ok, url })).join('\n')).toMatch(message);
  });

  it('reports invalid YAML with its line', () => {
    const m = messages('---\ntitle: T\nurl: [unclosed\ndate: 2026-11-24\n---\nbody\n');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^content\/x\.md:\d+: invalid YAML in front matter/);
  });

  it('reports an empty file, no front matter and unclosed front matter', () => {
    expect(messages('')).toEqual([expect.stringMatching(/^content\/x\.md:1: empty file/)]);
    expect(messages('just text\n')).toEqual([expect.stringMatching(/^content\/x\.md:1: no front matter/)]);
    expect(messages('---\ntitle: T\n')).toEqual([expect.stringMatching(/^content\/x\.md:1: front matter is not closed/)]);
  });

  it('reports wrong types', () => {
    const m = messages(entry({ title: '[a, b]', url: 'https://e.com/', date: '2026-11-24', tags: '{a: 1}', draft: 'yes', updated: 'soon' }));
    expect(m).toEqual([
      'content/x.md:2: title must be text, not a list',
      'content/x.md:5: tags must be a list or a space-separated string, not a mapping',
      'content/x.md:6: draft must be true or false, not string yes',
      expect.stringMatching(/^content\/x\.md:7: updated 'soon' is not a date/),
    ]);
  });

  it('takes the slug from the file name, or a canonical slug: field', () => {
    expect(parseEntry({ path: 'content/a/My Post.md', text: entry(ok) }, { settings: settings(), zone: zone('UTC') }).entry?.slug).toBe('my-post');
    expect(parse(entry({ ...ok, slug: 'other' })).entry?.slug).toBe('other');
    expect(messages(entry({ ...ok, slug: '"Bad Slug/x"' }))[0]).toMatch(/slug must be lower-case.*did you mean 'bad-slug-x'/);
  });

  it('keeps a date-only entry on its day for a YAML-unquoted date', () => {
    expect(parse(entry(ok), 'America/Los_Angeles').entry?.date.day).toBe('2026-11-24');
    expect(parse(entry(ok), 'Asia/Tokyo').entry?.date.day).toBe('2026-11-24');
  });

  it('treats via as a URL when it has a scheme, else as a name', () => {
    expect(parse(entry({ ...ok, via: 'https://lobste.rs/' })).entry?.via).toEqual({ url: 'https://lobste.rs/' });
    expect(messages(entry({ ...ok, via: 'javascript:alert(1)' }))[0]).toMatch(/via .* must be an http or https URL/);
  });

  it('refuses bytes that are not UTF-8', () => {
    const r = parseEntry({ path: 'content/x.md', text: '\ufffd', invalidUtf8: true }, { settings: settings(), zone: zone('UTC') });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(['content/x.md:1: is not valid UTF-8 text here; save it as UTF-8']);
  });
});

describe('parseSettings', () => {
  it('fills defaults and warns about a missing baseUrl', () => {
    const r = parseSettings(undefined);
    expect(r.settings).toMatchObject({ baseUrl: 'http://localhost:8080/', basePath: '/', timezone: 'UTC', language: 'en', perPage: 50, feedSize: 50 });
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('keeps the path of a baseUrl and derives the id authority from its host', () => {
    const { settings: s } = parseSettings('baseUrl: https://Example.org/links\n');
    expect(s).toMatchObject({ baseUrl: 'https://example.org/links/', basePath: '/links/', idAuthority: 'example.org' });
  });

  it('names unknown keys and wrong types with their lines', () => {
    const r = parseSettings('title: T\nperpage: 5\nperPage: -1\ntimezone: Mars/Olympus\nauthor: {nom: x}\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^linklog\.yaml:2: unknown setting 'perpage'/),
      'linklog.yaml:3: perPage must be a whole number above 0, not number -1',
      expect.stringMatching(/^linklog\.yaml:4: timezone 'Mars\/Olympus' is not an IANA timezone/),
      expect.stringMatching(/^linklog\.yaml:5: author has an unknown key 'nom'/),
    ]);
  });
});

describe('parseSources', () => {
  it('forgets a file gone in the same build as one came, and lists the changes in order', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { parseSources } = await import('../src/build/parse.js');
    const { createState } = await import('../src/build/state.js');
    const { statSources } = await import('../src/load/sources.js');
    const { makeSite } = await import('./helpers.js');
    const e = (n: string) => entry({ title: n, url: `https://example.com/${n}`, date: '2026-11-24' });
    const root = makeSite({ 'linklog.yaml': 'baseUrl: https://example.org/\n', 'content/a.md': e('a'), 'content/b.md': e('b'), 'content/c.md': e('c') });
    const state = createState({ root, cache: false });
    const s = settings();
    const titles = (list: readonly { title: string }[]) => list.map((x) => x.title);
    expect(titles(parseSources(state, statSources(root), s, new Set()).entries)).toEqual(['a', 'b', 'c']);
    // As many files as before, but `a` and `c` went and `d` came, while `b` changed: the records of `a` and `c` go.
    fs.rmSync(path.join(root, 'content/a.md'));
    fs.rmSync(path.join(root, 'content/c.md'));
    fs.writeFileSync(path.join(root, 'content/d.md'), e('d'));
    fs.writeFileSync(path.join(root, 'content/e.md'), e('e'));
    fs.writeFileSync(path.join(root, 'content/b.md'), e('b2'));
    const next = parseSources(state, statSources(root), s, new Set());
    expect(titles(next.entries)).toEqual(['b2', 'd', 'e']);
    expect([...state.content!.sources.keys()].sort()).toEqual(['content/b.md', 'content/d.md', 'content/e.md']);
    expect(titles(next.changes!.removed)).toEqual(['a', 'c', 'b']);
    expect(titles(next.changes!.added)).toEqual(['b2', 'd', 'e']);
    // Nothing changed: no changes, the same entries.
    const same = parseSources(state, statSources(root), s, new Set());
    expect(titles(same.entries)).toEqual(['b2', 'd', 'e']);
    expect(same.changes).toEqual({ added: [], removed: [] });
    expect(same.parsed).toBe(0);
  });
});
