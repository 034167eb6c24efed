import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { zone } from '../src/lib/time.js';
import { isoInZone, prepareEntry, slugFor, writeEntry } from '../src/content/new-entry.js';
import { parseEntry } from '../src/parse/entry.js';
import { parseSettings } from '../src/config/settings.js';
import { copyFixture, makeSite, runCli } from './helpers.js';

const settings = (tz = 'UTC') => parseSettings(`baseUrl: https://example.org/\ntimezone: ${tz}\n`).settings;
// 2026-11-28T03:30:00Z: still the 27th in New York.
const NOW = Date.UTC(2026, 10, 28, 3, 30, 0);

/** `linklog check` on the site: its exit code and its error lines (warnings are not errors). */
async function checkErrors(root: string): Promise<{ code: number; errors: string[] }> {
  const r = await runCli(['check', '--root', root]);
  return { code: r.code, errors: r.stderr.split('\n').filter((l) => l && !l.includes(': warning: ')) };
}

describe('linklog new', () => {
  it('writes content/YYYY/MM/DD/<slug>.md for today in the site timezone', () => {
    const root = makeSite({ 'content/.keep': '' });
    const p = prepareEntry(root, settings('America/New_York'), { url: 'https://example.com/a', title: 'Cool URIs don’t change!', tags: ['web', 'urls'] }, NOW);
    expect(p.path).toBe('content/2026/11/27/cool-uris-don-t-change.md');
    const parsed = parseEntry({ path: p.path, text: p.text }, { settings: settings('America/New_York'), zone: zone('America/New_York') });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entry).toMatchObject({ title: 'Cool URIs don’t change!', url: 'https://example.com/a', tags: ['web', 'urls'], body: '' });
    expect(parsed.entry!.date.day).toBe('2026-11-27');
    expect(isoInZone(NOW, zone('America/New_York'))).toBe('2026-11-27T22:30:00-05:00');
  });

  it('takes the slug from the url when there is no title', () => {
    expect(slugFor(undefined, 'https://www.example.com/blog/2026/a-post.html')).toBe('example.com-blog-2026-a-post.html');
    expect(slugFor('', 'https://example.com/')).toBe('example.com');
  });

  it('never overwrites: adds -2, -3', () => {
    const root = makeSite({ 'content/.keep': '' });
    const s = settings();
    const first = prepareEntry(root, s, { url: 'https://example.com/', title: 'Same', date: '2026-11-26' }, NOW);
    writeEntry(root, first);
    const second = prepareEntry(root, s, { url: 'https://example.com/', title: 'Same', date: '2026-11-26' }, NOW);
    writeEntry(root, second);
    const third = prepareEntry(root, s, { url: 'https://example.com/', title: 'Same', date: '2026-11-26' }, NOW);
    expect([first.path, second.path, third.path]).toEqual(['content/2026/11/26/same.md', 'content/2026/11/26/same-2.md', 'content/2026/11/26/same-3.md']);
    expect(() => writeEntry(root, first)).toThrow();
  });

  it('refuses a url that build would refuse', () => {
    const root = makeSite({});
    expect(() => prepareEntry(root, settings(), { url: 'javascript:alert(1)' }, NOW)).toThrow(/must be an http or https URL/);
    expect(() => prepareEntry(root, settings(), { url: 'example.com' }, NOW)).toThrow(/not an absolute URL/);
    expect(() => prepareEntry(root, settings(), { url: 'https://e.com/', date: '2026-02-30' }, NOW)).toThrow(/date/);
  });

  it('works from the command line, and the site builds with the new entry', async () => {
    const root = makeSite({ 'linklog.yaml': 'baseUrl: https://example.org/\n' });
    const r = await runCli(['new', 'https://example.com/x?q=<b>', '--title', 'Title: with "quotes" & yes', '--tags', 'a b', '--via', 'https://lobste.rs/', '--date', '2026-11-26', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('content/2026/11/26/title-with-quotes-yes.md');
    const text = fs.readFileSync(path.join(root, r.stdout.trim()), 'utf8');
    expect(text).toContain('url: https://example.com/x?q=%3Cb%3E\n');
    const built = await build({ root });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(fs.existsSync(path.join(root, '_site/2026/11/26/title-with-quotes-yes/index.html'))).toBe(true);
    expect((await runCli(['new', 'ftp://x', '--root', root])).code).toBe(2);
    expect((await runCli(['new', '--root', root])).code).toBe(2);
  });

  it('refuses a folder that leads outside content/ (a symlinked year) before making any folder through it', async () => {
    const root = copyFixture('basic');
    const outside = fs.mkdtempSync(path.join(path.dirname(root), 'linklog-outside-'));
    fs.symlinkSync(outside, path.join(root, 'content/2027'));
    const r = await runCli(['new', 'https://example.net/escape', '--title', 'Escape', '--date', '2027-01-05', '--no-fetch', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to write content\/2027\/01\/05\/escape\.md: its folder leads outside content\//);
    expect(fs.readdirSync(outside)).toEqual([]);
    // A new year folder of its own is made as before.
    const ok = await runCli(['new', 'https://example.net/fine', '--title', 'Fine', '--date', '2028-02-03', '--no-fetch', '--root', root]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe('content/2028/02/03/fine.md');
  });

  it('collapses white space in the title (as the capture form does)', () => {
    const root = makeSite({ 'content/.keep': '' });
    const p = prepareEntry(root, settings(), { url: 'https://example.com/', title: '\tTwo  spaces\nand a\u3000wide\u00a0one ', date: '2026-11-26' }, NOW);
    expect(p.text).toContain('\ntitle: Two spaces and a\u3000wide\u00a0one\n');
  });

  it('takes no slug an entry outside the day folder has on that day (basic: markdown.md is md-features on the 25th)', async () => {
    const root = copyFixture('basic');
    const r = await runCli(['new', 'https://example.net/md-again', '--title', 'MD features', '--date', '2026-11-25', '--no-fetch', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('content/2026/11/25/md-features-2.md');
    expect(fs.readFileSync(path.join(root, r.stdout.trim()), 'utf8')).toContain('\nid: tag:example.org,2026-11-25:md-features-2\n');
    expect(await checkErrors(root)).toEqual({ code: 0, errors: [] });
  });

  it('takes no slug whose feed id or page a moved entry keeps (linklog mv: its id and alias)', async () => {
    const root = copyFixture('basic');
    expect((await runCli(['mv', path.join(root, 'content/2026/11/date-only.md'), '--slug', 'renamed', '--root', root])).code).toBe(0);
    const moved = fs.readFileSync(path.join(root, 'content/2026/11/24/renamed.md'), 'utf8');
    expect(moved).toContain('\nid: tag:example.org,2026-11-24:date-only\n');
    expect(moved).toContain('\naliases: [/2026/11/24/date-only/]\n');
    const r = await runCli(['new', 'https://example.net/date-only-again', '--title', 'Date only', '--date', '2026-11-24', '--no-fetch', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('content/2026/11/24/date-only-2.md');
    expect(await checkErrors(root)).toEqual({ code: 0, errors: [] });
  });

  it('takes no slug whose page is an alias of another entry, nor one whose default id another entry has', async () => {
    const root = makeSite({
      'linklog.yaml': 'baseUrl: https://example.org/\nidAuthority: example.org\n',
      'content/2026/11/24/new-name.md': '---\ntitle: Aliased\nurl: https://example.com/a\ndate: 2026-11-24\naliases: [/2026/11/24/old-name/]\n---\n',
      'content/2026/11/24/other.md': '---\ntitle: With an id\nurl: https://example.com/b\ndate: 2026-11-24\nid: tag:example.org,2026-11-24:kept-id\n---\n',
    });
    const add = (url: string, title: string) => runCli(['new', url, '--title', title, '--date', '2026-11-24', '--no-fetch', '--root', root]);
    expect((await add('https://example.net/1', 'Old name')).stdout.trim()).toBe('content/2026/11/24/old-name-2.md');
    expect((await add('https://example.net/2', 'Kept id')).stdout.trim()).toBe('content/2026/11/24/kept-id-2.md');
    expect(await checkErrors(root)).toEqual({ code: 0, errors: [] });
  });
});
