import fs from 'node:fs';
import path from 'node:path';
import { entryId } from '../src/config/urls.js';
import { describe, expect, it } from 'vitest';
import { build, check, loadSite } from '../src/build/index.js';
import { zone } from '../src/lib/time.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { exportJson, exportNetscape } from '../src/export/index.js';
import { runImport, type ImportOptions } from '../src/import/index.js';
import { linkKey } from '../src/content/tracking.js';
import { readBookmarkDate, splitTags } from '../src/import/records.js';
import type { Entry } from '../src/parse/entry.js';
import { copyFixture, FIXTURES, makeSite, runCli, snapshotTree } from './helpers.js';

const IMPORT = path.join(FIXTURES, 'import');
// ../shared/corpora beside the repository (from /work/main), or beside the worktrees' folder.
const SHARED = [path.resolve(import.meta.dirname, '../../shared/corpora'), path.resolve(import.meta.dirname, '../../../shared/corpora')].find((p) => fs.existsSync(p)) ?? path.resolve(import.meta.dirname, '../../shared/corpora');
const hasShared = fs.existsSync(SHARED);
if (!hasShared) console.warn(`skipping the real-corpora import tests: ${SHARED} is not here`);

const site = (yaml = 'baseUrl: https://example.org/\n') => makeSite({ 'linklog.yaml': yaml, 'content/.keep': '' });
const importInto = (root: string, source: string, extra: Partial<ImportOptions> = {}) => runImport({ source, root, now: Date.UTC(2026, 10, 28), ...extra });

async function entriesOf(root: string, drafts = true): Promise<Entry[]> {
  const { site: s, diagnostics } = await loadSite({ root, drafts });
  expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return s!.entries;
}
const byUrl = (entries: Entry[]) => new Map(entries.map((e) => [e.url, e]));

describe('dates and tags as exporters write them', () => {
  it('reads epoch seconds, milliseconds, microseconds, ISO 8601 and the Apache log form', () => {
    const at = (raw: string) => {
      const d = readBookmarkDate(raw, zone('UTC'));
      return d && 'instant' in d ? new Date(d.instant).toISOString() : d;
    };
    expect(at('1616337559')).toBe('2021-03-21T14:39:19.000Z');
    expect(at('1616337559000')).toBe('2021-03-21T14:39:19.000Z');
    expect(at('1616337559000000')).toBe('2021-03-21T14:39:19.000Z');
    expect(at('2021-03-21T14:39:19Z')).toBe('2021-03-21T14:39:19.000Z');
    expect(at('10/Oct/2000:13:55:36 +0300')).toBe('2000-10-10T10:55:36.000Z');
    expect(at('10/Oct/2000:13:55:36 -0730')).toBe('2000-10-10T21:25:36.000Z');
    expect(readBookmarkDate('invaliddate', zone('UTC'))).toEqual({ unreadable: 'invaliddate' });
    expect(readBookmarkDate('', zone('UTC'))).toBeUndefined();
    expect(readBookmarkDate('0', zone('UTC'))).toBeUndefined();
  });

  it('splits tags on commas when there are any, else on spaces', () => {
    expect(splitTags('imdb,movie,typing practice code')).toEqual(['imdb', 'movie', 'typing practice code']);
    expect(splitTags('private secret')).toEqual(['private', 'secret']);
    expect(splitTags('')).toEqual([]);
  });

  it('normalises urls for duplicate checks', () => {
    expect(linkKey('HTTPS://Example.COM:443/a#frag')).toBe(linkKey('https://example.com/a'));
    expect(linkKey('http://example.com:80/')).toBe('http://example.com/');
  });
});

describe('linklog import: Netscape', () => {
  it('imports good records, reports bad ones by line, and keeps private ones as drafts', async () => {
    const root = site();
    const s = await importInto(root, path.join(IMPORT, 'bookmarks.html'));
    expect(s.format).toBe('netscape');
    expect(s.read).toBe(13);
    expect(s.errors.map((e) => `${e.position}: ${e.message}`)).toEqual([
      "line 14: unreadable date 'invaliddate'",
      expect.stringMatching(/^line 15: url 'ftp:\/\/example\.com\/file' must be an http or https URL/),
      expect.stringMatching(/^line 16: url 'javascript:alert\(1\)' must be an http or https URL/),
      'line 17: no url',
    ]);
    expect(s.duplicates).toBe(1);
    expect(s.imported).toBe(8);
    expect(s.drafts).toBe(1);
    expect(s.notes.map((n) => n.position)).toEqual(['line 13']);
    expect(s.merges).toEqual([{ from: 'seen?', into: 'seen' }]);

    const entries = byUrl(await entriesOf(root));
    const first = entries.get('https://example.com/seconds')!;
    expect(first.title).toBe('Seconds & more');
    expect(first.tags).toEqual(['web', 'Web Design', 'city:NYC']);
    expect(first.body.trim()).toBe('A note with \\*stars\\* & an ampersand');
    expect(first.source).toBe('content/2021/03/21/seconds-more.md');
    expect(entries.get('https://example.com/millis')!.title).toBe('Milliseconds');
    expect(entries.get('https://example.com/micros')!.tags).toEqual(['seen']);
    expect(entries.get('https://example.com/apache')!.tags).toEqual(['a/b', 'private']);
    const priv = entries.get('https://example.com/iso')!;
    expect(priv.draft).toBe(true);
    expect(priv.data).toEqual({ toread: true });
    expect(priv.body).not.toMatch(/script|onerror|javascript/i);
    expect(priv.body).toContain('**Bold**');
    expect(priv.body).toContain('[good](https://ok.example/)');
    // an undated bookmark keeps its place: dated like the one before it
    expect(entries.get('https://example.com/no-date')!.date.instant).toBe(priv.date.instant);
  });

  it('turns folders into tags with --folder-tags', async () => {
    const root = site();
    await importInto(root, path.join(IMPORT, 'bookmarks.html'), { folderTags: true });
    const entries = byUrl(await entriesOf(root));
    expect(entries.get('https://example.com/in-folder')!.tags).toEqual(['Reading']);
    expect(entries.get('https://example.com/deeper')!.tags).toEqual(['Reading', 'Deeper']);
    expect(entries.get('https://example.com/seconds')!.tags).not.toContain('Reading');
  });

  it('writes entries exactly as linklog new would, in the site timezone', async () => {
    const root = site('baseUrl: https://example.org/\ntimezone: America/Los_Angeles\n');
    await importInto(root, path.join(IMPORT, 'bookmarks.html'));
    const text = fs.readFileSync(path.join(root, 'content/2021/03/21/seconds-more.md'), 'utf8');
    expect(text).toBe(
      "---\ntitle: Seconds & more\nurl: https://example.com/seconds\ndate: \"2021-03-21T07:39:19-07:00\"\ntags: [web, Web Design, city:NYC]\nid: tag:example.org,2021-03-21:seconds-more\n---\nA note with \\*stars\\* & an ampersand\n",
    );
  });

  it('changes nothing when the same file is imported twice, and never overwrites', async () => {
    const root = site();
    await importInto(root, path.join(IMPORT, 'bookmarks.html'));
    const before = snapshotTree(path.join(root, 'content'));
    const again = await importInto(root, path.join(IMPORT, 'bookmarks.html'));
    expect(again.imported).toBe(0);
    expect(again.duplicates).toBe(9);
    expect(snapshotTree(path.join(root, 'content'))).toEqual(before);
  });

  it('writes nothing with --dry-run, but reports the same', async () => {
    const root = site();
    const dry = await importInto(root, path.join(IMPORT, 'bookmarks.html'), { dryRun: true });
    expect(snapshotTree(path.join(root, 'content'))).toEqual(new Map([['.keep', '']]));
    const real = await importInto(root, path.join(IMPORT, 'bookmarks.html'));
    expect({ ...dry, files: [] }).toEqual({ ...real, files: [] });
    expect(dry.files).toEqual(real.files);
  });

  it('leaves a site that checks and builds, with no script anywhere', async () => {
    const root = site();
    await importInto(root, path.join(IMPORT, 'bookmarks.html'));
    expect((await check({ root })).filter((d) => d.severity === 'error')).toEqual([]);
    const r = await build({ root, drafts: true });
    expect(r.stats).toBeDefined();
    for (const [rel, text] of snapshotTree(path.join(root, 'content'))) expect(text, rel).not.toMatch(/<script|onerror|javascript:/i);
    // Pagefind's own scripts and the search page that loads them are the site's, not the bookmarks'.
    for (const [rel, text] of snapshotTree(path.join(root, '_site'))) {
      if (rel.startsWith('pagefind/') || rel === 'search/index.html') continue;
      expect(text, rel).not.toMatch(/<script|onerror=|javascript:/i);
    }
    expect(fs.readdirSync(path.join(root, 'content/2021/03/21')).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('refuses a file that is not UTF-8, or not bookmarks, and writes nothing', async () => {
    const root = site();
    for (const [file, message] of [
      ['latin1.html', /not valid UTF-8/],
      ['not-bookmarks.html', /not a Netscape bookmark file|not a bookmark file/],
    ] as const) {
      const r = await runCli(['import', path.join(IMPORT, file), '--root', root]);
      expect(r.code, file).toBe(1);
      expect(r.stderr, file).toMatch(message);
      expect(r.stderr, file).toMatch(/nothing was written/);
    }
    expect(snapshotTree(path.join(root, 'content'))).toEqual(new Map([['.keep', '']]));
  });

  it('prints the summary and each problem from the command line', async () => {
    const root = site();
    const r = await runCli(['import', path.join(IMPORT, 'bookmarks.html'), '--root', root]);
    // records skipped for errors: the rest is written, and the exit status says so
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/imported 8 of 13 netscape records: drafts \(private\) 1, drafts \(template tags\) 0, duplicates skipped 1, errors 4, tags merged 1/);
    expect(r.stderr).toMatch(/bookmarks\.html:18: skipped: a duplicate of \S*bookmarks\.html:6 \(same url, same day\)/);
    expect(r.stderr).toMatch(/bookmarks\.html:14: skipped: unreadable date 'invaliddate'/);
    expect(r.stderr).toMatch(/tag 'seen\?' merged into 'seen'/);
  });
});

describe('linklog import: JSON and Markdown', () => {
  it('imports a Pinboard export', async () => {
    const root = site();
    const s = await importInto(root, path.join(IMPORT, 'pinboard.json'));
    expect(s.format).toBe('json');
    expect([s.read, s.imported, s.drafts, s.duplicates]).toEqual([5, 2, 1, 1]);
    expect(s.errors.map((e) => `${e.position}: ${e.message}`)).toEqual(['item 4: no url', "item 5: unreadable date 'someday'"]);
    const entries = byUrl(await entriesOf(root));
    const one = entries.get('https://example.org/one')!;
    expect(one.title).toBe('One été');
    expect(one.tags).toEqual(['printing', 'DIY', 'city:NYC']);
    expect(one.body).toContain('Line one');
    // DIY and diy are one tag: the second keeps its own spelling, the tag key is shared
    expect(entries.get('https://example.org/two')!).toMatchObject({ draft: true, data: { toread: true } });
  });

  it('imports a folder of Markdown posts, recognising common field names', async () => {
    const root = site();
    const s = await importInto(root, path.join(IMPORT, 'markdown'));
    expect(s.format).toBe('markdown');
    expect(s.read).toBe(4);
    expect(s.errors).toEqual([{ position: 'custom.md', message: 'no url' }]);
    expect(s.notes).toEqual([
      { position: '_posts/2018/2018-08-28-jekyll-style.md', message: "category '_brief': tag 'brief' (the leading _ dropped)" },
      { position: 'links/2018/05/15/a-post/index.md', message: expect.stringMatching(/template tags/) },
    ]);
    const entries = byUrl(await entriesOf(root));
    expect(entries.get('https://jekyll.example/post')!).toMatchObject({ title: 'Jekyll style', tags: ['brief'] });
    expect(new Date(entries.get('https://jekyll.example/post')!.date.instant).toISOString()).toBe('2018-08-29T01:58:50.000Z');
    expect(entries.get('https://hugo.example/post')!).toMatchObject({ tags: ['WebPerf', 'Core Web Vitals'], draft: true });
    expect(entries.get('https://polyfill.example/docs')!).toMatchObject({ title: 'Polyfill Service' });
    expect(entries.get('https://polyfill.example/docs')!.body).toContain('<q>');
  });

  it('takes other field names with --map', async () => {
    const root = site();
    const r = await runCli(['import', path.join(IMPORT, 'markdown'), '--map', 'url=target,tags=topics', '--root', root, '--format', 'markdown']);
    expect(r.code).toBe(1); // the files without a target: skipped, named
    expect(r.stderr).toMatch(/bookmark-of\.md: skipped: no url/);
    const entries = byUrl(await entriesOf(root));
    expect(entries.get('https://custom.example/')!.tags).toEqual(['a', 'b']);
    expect((await runCli(['import', IMPORT, '--map', 'nonsense', '--root', root])).code).toBe(2);
  });
});

describe('linklog export', () => {
  const comparable = (e: Entry) => ({ title: e.title, url: e.url, instant: e.date.instant, day: e.date.day, tags: e.tags, body: e.body.trim(), draft: e.draft });

  it('round-trips through a Netscape file into an empty site: url, title, dates, private, tags, slug, id, via; the commentary as plain text', async () => {
    const from = copyFixture('basic');
    // a multi-word tag, an id and aliases (when this build reads them) travel as attributes
    const extra = 'content/2026/11/multi.md';
    fs.writeFileSync(
      path.join(from, extra),
      '---\ntitle: Multi\nurl: https://example.com/multi\ndate: 2026-11-20T23:30:00-05:00\ntags: [Design System, css]\nvia: {name: Ann, url: https://ann.example/}\nslug: kept-slug\nlang: fr\n---\nSee **this** [page](https://example.com/p)\nand that.\n',
    );
    const { settings } = await loadSite({ root: from, drafts: true });
    const entries = await entriesOf(from);
    const file = path.join(from, 'export.html');
    const text = exportNetscape(entries, settings!);
    expect(text).toContain('tags="Design System,css"');
    expect(text).toContain('slug="kept-slug"');
    // a soft line break in Markdown shows as a space, so it is one in the plain text too
    expect(text).toMatch(/<DD>See this page &#x3C;https:\/\/example\.com\/p> and that\.\n/);
    fs.writeFileSync(file, text);
    const to = site(fs.readFileSync(path.join(from, 'linklog.yaml'), 'utf8'));
    const s = await importInto(to, file);
    expect(s.errors).toEqual([]);
    const back = await entriesOf(to);
    const exact = (e: Entry) => ({ title: e.title, url: e.url, instant: e.date.instant, day: e.date.day, hasTime: e.date.hasTime, tags: e.tags, draft: e.draft, slug: e.slug, via: e.via, lang: e.data.lang });
    const sorted = <T extends { url: string }>(l: T[]) => l.sort((a, b) => a.url.localeCompare(b.url));
    expect(sorted(back.map(exact))).toEqual(sorted(entries.map(exact)));
    const multi = back.find((e) => e.url === 'https://example.com/multi')!;
    expect(multi.source).toBe('content/2026/11/20/kept-slug.md');
    expect(multi.body.trim()).toBe('See this page \\<https://example.com/p> and that.');
  });

  it('reads Netscape TAGS in both styles: comma-separated and space-separated', async () => {
    const root = site();
    const file = path.join(root, 'tags.html');
    fs.writeFileSync(file, '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF="https://a.example/" ADD_DATE="1616337559" TAGS="Design System,css">A</A>\n<DT><A HREF="https://b.example/" ADD_DATE="1616337559" TAGS="private secret">B</A>\n</DL>\n');
    await importInto(root, file);
    const entries = byUrl(await entriesOf(root));
    expect(entries.get('https://a.example/')!.tags).toEqual(['Design System', 'css']);
    expect(entries.get('https://b.example/')!.tags).toEqual(['private', 'secret']);
  });

  it('round-trips through JSON with every field', async () => {
    const from = copyFixture('basic');
    const entries = await entriesOf(from);
    const settings = (await loadSite({ root: from, drafts: true })).settings;
    const file = path.join(from, 'export.json');
    fs.writeFileSync(file, exportJson(entries, settings));
    const to = site(fs.readFileSync(path.join(from, 'linklog.yaml'), 'utf8'));
    await importInto(to, file);
    const full = (e: Entry) => ({ ...comparable(e), slug: e.slug, via: e.via, updated: e.updated, data: e.data, hasTime: e.date.hasTime, extra: { id: entryId(settings.idAuthority, e), aliases: e.aliases } });
    // The feed id, not the id: line: import writes the id an entry without one has anyway.
    const back = await entriesOf(to);
    expect(back.map(full).sort((a, b) => a.url.localeCompare(b.url))).toEqual(entries.map(full).sort((a, b) => a.url.localeCompare(b.url)));
  });

  it('writes to a file from the command line, drafts only when asked', async () => {
    const from = copyFixture('basic');
    const out = path.join(from, 'bookmarks.html');
    expect((await runCli(['export', '--root', from, '-o', out])).code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toMatch(/^<!DOCTYPE NETSCAPE-Bookmark-file-1>/);
    expect(text).not.toContain('https://example.com/draft');
    const withDrafts = await runCli(['export', '--root', from, '--drafts', '--format', 'json']);
    expect(JSON.parse(withDrafts.stdout).some((e: { url: string; draft?: boolean }) => e.url === 'https://example.com/draft' && e.draft)).toBe(true);
  });
});

describe.skipIf(!hasShared)('linklog import of real exports (../shared/corpora)', () => {
  const corpus = (p: string) => path.join(SHARED, p);

  it.each([
    // file, read, imported, drafts, duplicates, errors
    ['delicious-html-emnh/delicious.html', 995, 993, 51, 0, 2],
    // two links differ only by a fragment, on other days: two entries (dedupe is on url and day)
    ['pinboard-json-optional-is/pinboard.json', 1392, 1392, 0, 0, 0],
    ['netscape-edge-fixtures/linkding/simple_valid_import_file.html', 3, 3, 0, 0, 0],
    ['netscape-edge-fixtures/linkding/simple_valid_import_file_with_one_invalid_bookmark.html', 3, 2, 0, 0, 1],
    ['netscape-edge-fixtures/shaarli/netscape_basic.htm', 2, 2, 1, 0, 0],
    ['netscape-edge-fixtures/shaarli/netscape_nested.htm', 8, 8, 2, 0, 0],
    ['netscape-edge-fixtures/shaarli/lowercase_doctype.htm', 2, 2, 1, 0, 0],
    ['netscape-edge-fixtures/shaarli/no_doctype.htm', 2, 2, 1, 0, 0],
    ['netscape-edge-fixtures/shaarli/internet_explorer_encoding.htm', 1, 1, 0, 0, 0],
    ['netscape-edge-fixtures/shaarli/netscape_nodate.htm', 1, 1, 0, 0, 0],
    ['netscape-edge-fixtures/shaarli/same_date.htm', 3, 3, 0, 0, 0],
    ['eleventy-bookmarks-chrisburnell/bookmarks', 152, 152, 0, 0, 0],
    // 31 drafts for their template tags; the 2 repeated links are on other days: kept
    ['hugo11ty-links-nhoizey/links', 567, 567, 0, 0, 0],
    ['jekyll-linkblog-thingelstad/_posts', 945, 945, 0, 0, 0],
  ])('%s', async (file, read, imported, drafts, duplicates, errors) => {
    const root = site();
    const s = await importInto(root, corpus(file));
    expect([s.read, s.imported, s.drafts, s.duplicates, s.errors.length]).toEqual([read, imported, drafts, duplicates, errors]);
    expect(s.templated).toBe(file.startsWith('hugo') ? 31 : 0);
    expect((await check({ root })).filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  });

  // Each post's URL on its old site, computed here from the site's own settings (SOURCE.md of each corpus):
  // Jekyll thingelstad `permalink: /:year/:month/:title/`; nhoizey (Eleventy) the file's path under src/;
  // chrisburnell (Eleventy) `permalink: bookmark/{{ page.fileSlug }}/`. Every one must answer on the new site.
  it.each([
    ['jekyll-linkblog-thingelstad/_posts', 'America/Chicago', '/:year/:month/:title/', 945],
    ['hugo11ty-links-nhoizey/links', 'Europe/Paris', undefined, 567],
    ['eleventy-bookmarks-chrisburnell/bookmarks', 'UTC', '/bookmark/:slug/', 152],
  ])('%s: every old URL is the new page or redirects to it; links between posts stay inside', async (dir, timezone, permalink, count) => {
    const root = site(`baseUrl: https://example.org/\ntimezone: ${timezone}\n`);
    const s = await importInto(root, corpus(dir), { sourceUrl: 'https://old.example/', permalink });
    const entries = await entriesOf(root);
    const answers = new Set(entries.flatMap((e) => [`${e.date.day.replaceAll('-', '/')}/${e.slug}/`, ...e.aliases]));
    const files: string[] = fs.readdirSync(corpus(dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => f.replaceAll(path.sep, '/'));
    const expected = files.map((f) => {
      const text = fs.readFileSync(path.join(corpus(dir), f), 'utf8');
      if (dir.startsWith('hugo')) return `links/${path.posix.dirname(f)}/`;
      const name = path.posix.basename(f, '.md').replace(/^\d{4}-\d{2}-\d{2}-/, '');
      if (dir.startsWith('eleventy')) return `bookmark/${name}/`;
      const slug = /^slug: *(.+)$/m.exec(text)?.[1].trim() ?? name;
      const date = /^date: *(\d{4})-(\d{2})/m.exec(text) ?? /(\d{4})-(\d{2})-\d{2}-/.exec(f)!;
      return `${date[1]}/${date[2]}/${slug}/`;
    });
    expect(expected.length).toBe(count);
    const missing = expected.filter((p) => !answers.has(p));
    expect(missing).toEqual([]);
    expect(s.samePath + s.aliased).toBe(count);
    // links into the old site that were between imported posts now point at their new pages
    const intoOld = entries.filter((e) => /\]\(\/links\/20|\]\(\/bookmark\/|https:\/\/old\.example\/links\/20\d\d\/\d\d\/\d\d\/[^)]*\/\)/.test(e.body));
    expect(intoOld.map((e) => e.source)).toEqual([]);
  });

  it('reports an empty bookmark file', async () => {
    const r = await runCli(['import', corpus('netscape-edge-fixtures/shaarli/empty.htm'), '--root', site()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty/);
  });
});

describe('linklog import keeps the source’s slugs, days and words (issue 14)', () => {
  const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

  it('Jekyll: the front-matter slug, the file name after the date, the offset and the day the source showed', async () => {
    const root = site('baseUrl: https://example.org/\ntimezone: America/Chicago\n');
    const s = await importInto(root, path.join(IMPORT, 'jekyll/_posts'));
    expect(s.errors).toEqual([]);
    expect(s.dayShifts.moved).toEqual([]);
    const entries = byUrl(await entriesOf(root));
    const evening = entries.get('https://jekyll.example/evening')!;
    expect(evening.source).toBe('content/2018/08/28/the-source-slug.md');
    expect(evening.date.day).toBe('2018-08-28');
    expect(evening.title).toBe("We'll be right back & more");
    expect(evening.tags).toEqual(['brief']);
    expect(evening.data).toMatchObject({ hash: '3141936dd3a5c8fc0a54f865336e7d4e', month: 8 });
    expect(read(root, evening.source)).toMatch(/^date: "2018-08-28T20:58:50-05:00"$/m);
    // no slug: the file name after the date
    const morning = entries.get('https://jekyll.example/morning')!;
    expect(morning.source).toBe('content/2018/08/27/morning-post.md');
    expect(morning.tags).toEqual(['web', 'css', 'reading', 'feature']);
    expect(s.notes.map((n) => n.message)).toContain("category '_brief': tag 'brief' (the leading _ dropped)");
    expect(s.notes.map((n) => n.message)).toContain("categories '_feature': tag 'feature' (the leading _ dropped)");
  });

  it('proposes the timezone that keeps the source’s days, and names the dates that move', async () => {
    const root = site();
    const s = await importInto(root, path.join(IMPORT, 'jekyll/_posts'));
    expect(s.dayShifts).toMatchObject({ timezone: 'UTC', total: 3, moved: ['2018/08/2018-08-28-evening-post.md'], proposal: { kept: 3 } });
    expect(zone(s.dayShifts.proposal!.timezone).offset(Date.UTC(2018, 7, 28))).toBe(-5 * 3600_000);
    const entries = byUrl(await entriesOf(root));
    // the instant and the written offset are kept; in UTC the day is the next one
    expect(entries.get('https://jekyll.example/evening')!.source).toBe('content/2018/08/29/the-source-slug.md');
    const r = await runCli(['import', path.join(IMPORT, 'jekyll/_posts'), '--root', site(), '--dry-run']);
    expect(r.stderr).toMatch(/1 of 3 dates fall on another day in timezone UTC .*with timezone: \S+ in linklog\.yaml, 3 of 3 keep their day/);
  });

  it('a title slug is the whole title cut at a word boundary, and never ends in .xml', async () => {
    const root = site('baseUrl: https://example.org/\ntimezone: America/Chicago\n');
    await importInto(root, path.join(IMPORT, 'bookmarks.html'));
    const entries = byUrl(await entriesOf(root));
    expect(entries.get('https://example.com/seconds')!.source).toBe('content/2021/03/21/seconds-more.md');
    const jekyll = site('baseUrl: https://example.org/\ntimezone: America/Chicago\n');
    await importInto(jekyll, path.join(IMPORT, 'markdown'));
    const { titleSlug } = await import('../src/import/slugs.js');
    expect(titleSlug('https://titled.example/feed.xml', 'https://titled.example/feed.xml')).toBe('https-titled.example-feed-xml');
    const long = titleSlug('A morning post with a very long title that goes on and on well past eight words of it', 'https://x.example/');
    expect(long).toBe('a-morning-post-with-a-very-long-title-that-goes-on-and-on-well-past');
    expect(long.length).toBeLessThanOrEqual(72);
  });

  it('Hugo/Eleventy bundle: the folder is the slug, files beside it are copied, lang and authors kept', async () => {
    const root = site('baseUrl: https://example.org/\ntimezone: Europe/Paris\n');
    const s = await importInto(root, path.join(IMPORT, 'hugo/links'));
    expect(s.errors).toEqual([]);
    const [e] = await entriesOf(root);
    expect(e.source).toBe('content/2018/05/15/a-bundle-folder.md');
    expect(e.data).toEqual({ lang: 'fr', authors: ['Chris Taylor'] });
    expect(e.tags).toEqual(['progressive enhancement', 'CSS']);
    expect(e.body.trim()).toBe('Awesome post. ![A figure](figure.png)');
    expect(s.copied).toEqual(['public/2018/05/15/a-bundle-folder/figure.png']);
    expect(fs.readFileSync(path.join(root, 'public/2018/05/15/a-bundle-folder/figure.png'))).toEqual(fs.readFileSync(path.join(IMPORT, 'hugo/links/2018/05/15/a-bundle-folder/figure.png')));
    await build({ root });
    expect(fs.existsSync(path.join(root, '_site/2018/05/15/a-bundle-folder/figure.png'))).toBe(true);
  });

  it('Eleventy: description and body both kept; a url on two days is two entries; route fragments are the url', async () => {
    const root = site();
    const s = await importInto(root, path.join(IMPORT, 'eleventy/bookmarks'));
    expect([s.read, s.imported, s.duplicates]).toEqual([5, 4, 1]);
    expect(s.duplicateOf).toEqual([{ position: '2016-01-06-again.md', of: '2016-01-06-again-same-day.md' }]);
    const entries = await entriesOf(root);
    const polyfill = entries.filter((e) => e.url === 'https://polyfill.example/docs').sort((a, b) => a.date.instant - b.date.instant);
    expect(polyfill.map((e) => e.source)).toEqual(['content/2016/01/05/polyfill-service.md', 'content/2016/01/06/again-same-day.md']);
    expect(polyfill[0].body.trim()).toBe('<q>The description, in HTML.</q>\n\nAnd a body as well.');
    expect(entries.filter((e) => e.url.startsWith('http://www.cnn.com/')).map((e) => e.url).sort()).toEqual([
      'http://www.cnn.com/video/#/video/one',
      'http://www.cnn.com/video/#/video/two',
    ]);
    expect(linkKey('http://www.cnn.com/video/#/video/one')).not.toBe(linkKey('http://www.cnn.com/video/#/video/two'));
  });

  it('allocates 20,000 slugs on one day in linear time', async () => {
    const { SlugAllocator } = await import('../src/import/slugs.js');
    const used = new Set<string>();
    let lookups = 0;
    const set = new Proxy(used, {
      get(target, prop) {
        if (prop === 'has') return (v: string) => (lookups++, target.has(v));
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const a = new SlugAllocator(() => set);
    const got = Array.from({ length: 20_000 }, () => a.allocate('content/2026/01/01', 'untitled'));
    expect(new Set(got).size).toBe(20_000);
    expect(got[1]).toBe('untitled-2');
    expect(lookups).toBeLessThanOrEqual(20_000 * 2);
  });
});

describe('linklog import: faithful text, old URLs, clashes (issues 14, 20)', () => {
  it('plain-text notes keep their line breaks, with no &#x20;, and titles have entities decoded', async () => {
    const root = site();
    const file = path.join(root, 'p.json');
    fs.writeFileSync(
      file,
      JSON.stringify([{ href: 'https://n.example/', description: 'We&#39;ll be right back', extended: 'Line one  \r\nline two \r\n\r\n  Second paragraph ', time: '2022-02-10T15:31:16Z', shared: 'yes', tags: 'a' }]),
    );
    await importInto(root, file);
    const [e] = await entriesOf(root);
    expect(e.title).toBe("We'll be right back");
    expect(e.body).toBe('Line one\\\nline two\n\nSecond paragraph\n');
    expect(e.body).not.toContain('&#x20;');
  });

  it('a front-matter tag string with commas splits on commas', async () => {
    const root = makeSite({
      'linklog.yaml': 'baseUrl: https://example.org/\n',
      'content/a.md': '---\ntitle: A\nurl: https://a.example/\ndate: 2026-01-01\ntags: "web, css, Design System"\n---\n',
    });
    const [e] = await entriesOf(root);
    expect(e.tags).toEqual(['web', 'css', 'Design System']);
  });

  it('--source-url: old paths become aliases unless they are the new path; root-relative links point at the old site', async () => {
    const root = site('baseUrl: https://example.org/\ntimezone: America/Chicago\n');
    const r = await runCli(['import', path.join(IMPORT, 'jekyll/_posts'), '--root', root, '--source-url', 'https://old.example/', '--permalink', '/:year/:month/:day/:slug/']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/skipped|another entry/);
    // the source's slugs and days: every path is the old one, no alias needed
    expect(r.stdout).toMatch(/old paths kept 3, redirected 0, links to imported posts made internal 1/);
    const entries = byUrl(await entriesOf(root));
    const evening = entries.get('https://jekyll.example/evening')!;
    expect(fs.readFileSync(path.join(root, evening.source), 'utf8')).not.toMatch(/^aliases:/m);
    // a link to another imported post stays inside the site
    expect(evening.body.trim()).toBe('An evening post, seen [before](/2018/08/27/morning-post/).');
    expect(entries.get('https://titled.example/feed.xml')!.source).toBe('content/2018/08/26/https-example-com-feed-xml.md');
    // in UTC the evening post moves to the next day: its old path is an alias
    const utc = site();
    const u = await importInto(utc, path.join(IMPORT, 'jekyll/_posts'), { sourceUrl: 'https://old.example/', permalink: '/:year/:month/:day/:slug/' });
    expect([u.samePath, u.aliased]).toEqual([2, 1]);
    const moved = byUrl(await entriesOf(utc)).get('https://jekyll.example/evening')!;
    expect(moved.source).toBe('content/2018/08/29/the-source-slug.md');
    expect(fs.readFileSync(path.join(utc, moved.source), 'utf8')).toMatch(/^aliases: \[\/2018\/08\/28\/the-source-slug\/\]$/m);
    // no --permalink and no _config.yml: Jekyll's own default (the date style, categories lower-cased as Jekyll writes them)
    const plain = site('baseUrl: https://example.org/\ntimezone: America/Chicago\n');
    const d = await importInto(plain, path.join(IMPORT, 'jekyll/_posts'), { sourceUrl: 'https://old.example/' });
    expect([d.samePath, d.aliased]).toEqual([0, 3]);
    const aliases = (await entriesOf(plain)).map((e) => e.aliases[0]).sort();
    expect(aliases).toEqual(['2018/08/26/https-example-com-feed-xml.html', '_brief/2018/08/28/the-source-slug.html', 'reading/_feature/2018/08/27/morning-post.html']);
    const hugo = site('baseUrl: https://example.org/\ntimezone: Europe/Paris\n');
    await importInto(hugo, path.join(IMPORT, 'hugo/links'), { sourceUrl: 'https://old.example/' });
    const [bundle] = await entriesOf(hugo);
    expect(fs.readFileSync(path.join(hugo, bundle.source), 'utf8')).toMatch(/^aliases: \[\/links\/2018\/05\/15\/a-bundle-folder\/\]$/m);
    const pattern = site('baseUrl: https://example.org/\ntimezone: America/Chicago\n');
    const s = await importInto(pattern, path.join(IMPORT, 'jekyll/_posts'), { sourceUrl: 'https://old.example/', permalink: '/:categories/:year/:month/:day/:title.html' });
    expect(s.aliased).toBe(3);
    const evening2 = byUrl(await entriesOf(pattern)).get('https://jekyll.example/evening')!;
    expect(fs.readFileSync(path.join(pattern, evening2.source), 'utf8')).toMatch(/^aliases: \[\/_brief\/2018\/08\/28\/the-source-slug\.html\]$/m);
  });

  it('a tag or slug index.html is renamed before it can break the build (20.14)', async () => {
    const root = site();
    const file = path.join(root, 'x.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        { title: 'A', url: 'https://a.example/', date: '2026-01-01', tags: ['index.html', 'ok'], slug: 'index.html' },
        { title: 'index.html', url: 'https://b.example/', date: '2026-01-01' },
      ]),
    );
    const s = await importInto(root, file);
    expect(s.errors).toEqual([]);
    expect(s.notes.map((n) => n.message)).toEqual([
      "tag 'index.html' would name a file the build writes: tag 'index-html' instead",
      "slug 'index.html' would name a file the build writes: slug 'index-html' instead",
    ]);
    const entries = byUrl(await entriesOf(root));
    expect(entries.get('https://a.example/')!).toMatchObject({ slug: 'index-html', tags: ['index-html', 'ok'] });
    expect(entries.get('https://b.example/')!.slug).toBe('index-html-2');
    expect((await check({ root })).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('two records with one feed id: the second is written without it, and named (20.14)', async () => {
    const root = site();
    const file = path.join(root, 'ids.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        { title: 'F', url: 'https://f.example/', date: '2026-01-02', id: 'tag:x,2026:1' },
        { title: 'G', url: 'https://g.example/', date: '2026-01-03', id: 'tag:x,2026:1' },
      ]),
    );
    const s = await importInto(root, file);
    expect(s.errors).toEqual([]);
    expect(s.imported).toBe(2);
    expect(s.notes).toEqual([{ position: 'item 2', message: "id 'tag:x,2026:1' is already used by content/2026/01/02/f.md: left out" }]);
    const entries = byUrl(await entriesOf(root));
    expect(entries.get('https://f.example/')!.id).toBe('tag:x,2026:1');
    // The second has the id the build derives from its date and slug.
    expect(entryId('example.org', entries.get('https://g.example/')!)).toBe('tag:example.org,2026-01-03:g');
    expect((await check({ root })).filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect((await build({ root })).stats).toBeDefined();
  });

  it('a record with the feed id of an entry of the site is written without it, and named; a moved entry’s old id is not taken either (20.14)', async () => {
    const root = copyFixture('basic');
    const holder = (await entriesOf(root)).find((e) => e.source === 'content/2026/11/markdown.md')!;
    // markdown.md has no `id:`: its feed id is the one the build derives (slug md-features).
    const taken = entryId('example.org', holder);
    expect(taken).toBe('tag:example.org,2026-11-25:md-features');
    // An entry moved by `linklog mv` keeps its old day and slug in `id:`.
    fs.writeFileSync(path.join(root, 'content/2026/11/moved.md'), '---\ntitle: Moved\nurl: https://example.com/moved\ndate: 2026-11-20\nid: tag:example.org,2026-01-05:old-name\n---\n');
    const file = path.join(root, 'ids.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        { title: 'H', url: 'https://h.example/', date: '2026-01-04', id: taken },
        { title: 'Old name', url: 'https://o.example/', date: '2026-01-05' },
      ]),
    );
    const r = await runCli(['import', file, '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${file}:1: id '${taken}' is already used by content/2026/11/markdown.md: left out`);
    const entries = byUrl(await entriesOf(root));
    expect(entryId('example.org', entries.get('https://h.example/')!)).toBe('tag:example.org,2026-01-04:h');
    expect(entries.get('https://o.example/')!.slug).toBe('old-name-2');
    expect((await check({ root })).filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect((await build({ root })).stats).toBeDefined();
  });

  it('a slug whose page is an alias of an entry of the site is not taken', async () => {
    const root = site();
    fs.mkdirSync(path.join(root, 'content/2026/01/07'), { recursive: true });
    fs.writeFileSync(path.join(root, 'content/2026/01/07/new-name.md'), '---\ntitle: Renamed\nurl: https://example.com/renamed\ndate: 2026-01-07\naliases: [/2026/01/06/aliased/]\n---\n');
    const file = path.join(root, 'aliased.json');
    fs.writeFileSync(file, JSON.stringify([{ title: 'Aliased', url: 'https://a.example/', date: '2026-01-06' }]));
    const s = await importInto(root, file);
    expect(s.errors).toEqual([]);
    expect(byUrl(await entriesOf(root)).get('https://a.example/')!.slug).toBe('aliased-2');
    expect((await check({ root })).filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  });

  it('an entry the build would refuse (front matter over its limit) is not written, and named', async () => {
    const root = site();
    const file = path.join(root, 'big.html');
    fs.writeFileSync(file, `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF="https://big.example/" ADD_DATE="1616337559">${'x'.repeat(1 << 20)}</A>\n<DT><A HREF="https://ok.example/" ADD_DATE="1616337559">ok</A>\n</DL>\n`);
    const s = await importInto(root, file);
    expect(s.errors).toEqual([{ position: 'line 3', message: expect.stringMatching(/^the build would refuse it: front matter is \d+ KiB/) }]);
    expect((await entriesOf(root)).map((e) => e.url)).toEqual(['https://ok.example/']);
  });

  it('lang is the page article’s lang and the Atom entry’s xml:lang', async () => {
    const root = site('baseUrl: https://example.org/\ntimezone: Europe/Paris\n');
    await importInto(root, path.join(IMPORT, 'hugo/links'));
    await build({ root });
    expect(fs.readFileSync(path.join(root, '_site/2018/05/15/a-bundle-folder/index.html'), 'utf8')).toMatch(/<article class="link" id="[^"]+" lang="fr">/);
    expect(fs.readFileSync(path.join(root, '_site/feed.xml'), 'utf8')).toMatch(/<entry xml:lang="fr">/);
  });
});

describe('linklog import of hostile files (issues 19, 20)', () => {
  it('a Netscape file with 100,000 nested <DL>: read, the deep folders flattened and named', async () => {
    const root = site();
    const file = path.join(root, 'deep.html');
    const n = 100_000;
    fs.writeFileSync(file, `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n${'<DT><H3>f</H3>\n<DL><p>\n'.repeat(n)}<DT><A HREF="https://deep.example/" ADD_DATE="1616337559">Deep</A>\n${'</DL><p>\n'.repeat(n)}</DL><p>\n<DT><A HREF="https://after.example/" ADD_DATE="1616337559">After</A>\n`);
    const s = await importInto(root, file, { folderTags: true });
    expect(s.errors).toEqual([]);
    expect(s.notes.map((x) => x.message)).toEqual([expect.stringMatching(/^\d+ folders nested deeper than 100 levels/)]);
    expect((await entriesOf(root)).map((e) => e.url).sort()).toEqual(['https://after.example/', 'https://deep.example/']);
  });

  it('javascript: urls are refused, and named', async () => {
    const root = site();
    const file = path.join(root, 'js.html');
    fs.writeFileSync(file, '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF="javascript:alert(1)" ADD_DATE="1616337559">js</A>\n<DT><A HREF=" JaVaScRiPt:alert(1)">js2</A>\n</DL>\n');
    const s = await importInto(root, file);
    expect(s.imported).toBe(0);
    expect(s.errors.map((e) => e.message)).toEqual([expect.stringMatching(/must be an http or https URL/), expect.stringMatching(/must be an http or https URL/)]);
  });

  it('JSON with __proto__ and constructor keys pollutes nothing, and the keys are named', async () => {
    const root = site();
    const file = path.join(root, 'p.json');
    fs.writeFileSync(file, '[{"title":"P","url":"https://p.example/","date":"2026-01-01","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"note":"kept"}]');
    const s = await importInto(root, file);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(s.notes.map((n) => n.message)).toEqual(["field '__proto__' left out (it is not a name a field may have)", "field 'constructor' left out (it is not a name a field may have)"]);
    const [e] = await entriesOf(root);
    expect(e.data).toEqual({ note: 'kept' });
    expect(Object.getPrototypeOf(e.data)).toBe(Object.prototype);
  });

  it('JSON tags [null, 5, {…}] do not become strings (20.17)', async () => {
    const root = site();
    const file = path.join(root, 't.json');
    fs.writeFileSync(file, '[{"title":"T","url":"https://t.example/","date":"2026-01-01","tags":[null,5,{"a":1},"real","web, css"]}]');
    const s = await importInto(root, file);
    expect(s.notes.map((n) => n.message)).toEqual(['tag null is not text: left out', 'tag 5 is not text: left out', 'tag object is not text: left out']);
    expect((await entriesOf(root))[0].tags).toEqual(['real', 'web', 'css']);
  });

  it('a file that would land on an existing entry is written beside it, never over it', async () => {
    const root = site();
    const existing = 'content/2018/08/28/the-source-slug.md';
    const text = '---\ntitle: Mine\nurl: https://mine.example/\ndate: 2018-08-28\n---\nmine\n';
    fs.mkdirSync(path.dirname(path.join(root, existing)), { recursive: true });
    fs.writeFileSync(path.join(root, existing), text);
    await importInto(root, path.join(IMPORT, 'jekyll/_posts'));
    expect(fs.readFileSync(path.join(root, existing), 'utf8')).toBe(text);
    expect(byUrl(await entriesOf(root)).get('https://jekyll.example/evening')!.source).toBe('content/2018/08/29/the-source-slug.md');
    const chicago = makeSite({ 'linklog.yaml': 'baseUrl: https://example.org/\ntimezone: America/Chicago\n', [existing]: text });
    await importInto(chicago, path.join(IMPORT, 'jekyll/_posts'));
    expect(fs.readFileSync(path.join(chicago, existing), 'utf8')).toBe(text);
    expect(byUrl(await entriesOf(chicago)).get('https://jekyll.example/evening')!.source).toBe('content/2018/08/28/the-source-slug-2.md');
  });
});

describe('linklog import: tracking parameters (issue 16)', () => {
  const bookmarks = (dir: string) => {
    const file = path.join(dir, 'bookmarks.html');
    fs.writeFileSync(
      file,
      `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<DL><p>
<DT><A HREF="https://a.example/post?id=7&utm_source=feed&utm_medium=rss#part" ADD_DATE="1700000000">A</A>
<DT><A HREF="https://b.example/?fbclid=xyz" ADD_DATE="1700000100">B</A>
<DT><A HREF="https://c.example/?q=utm&ref=home" ADD_DATE="1700000200">C</A>
</DL><p>
`,
    );
    return file;
  };

  it('removes stripParams from every url as new does, keeps the rest in order with the fragment, and says how many urls changed', async () => {
    const root = site();
    const r = await runCli(['import', bookmarks(root), '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/urls without tracking parameters 2\b/);
    const urls = (await entriesOf(root)).map((e) => e.url).sort();
    expect(urls).toEqual(['https://a.example/post?id=7#part', 'https://b.example/', 'https://c.example/?q=utm&ref=home']);
  });

  it('--keep-query keeps every url as given; stripParams: [] turns stripping off', async () => {
    const kept = site();
    const r = await runCli(['import', bookmarks(kept), '--root', kept, '--keep-query']);
    expect(r.stdout).not.toMatch(/tracking/);
    expect((await entriesOf(kept)).map((e) => e.url)).toContain('https://a.example/post?id=7&utm_source=feed&utm_medium=rss#part');
    const off = site('baseUrl: https://example.org/\nstripParams: []\n');
    await importInto(off, bookmarks(off));
    expect((await entriesOf(off)).map((e) => e.url)).toContain('https://b.example/?fbclid=xyz');
  });

  it('strips the tracking parameters of the links content/ has too, so a link there is not imported again (unless --keep-query or stripParams: [])', async () => {
    const withOld = (yaml?: string) => {
      const root = site(yaml);
      fs.mkdirSync(path.join(root, 'content/2026/10/01'), { recursive: true });
      fs.writeFileSync(path.join(root, 'content/2026/10/01/old.md'), '---\ntitle: Old\nurl: https://old.example/p?utm_source=rss&id=1\ndate: 2026-10-01T09:00:00-04:00\n---\n');
      const file = path.join(root, 'bm.json');
      fs.writeFileSync(file, JSON.stringify([{ href: 'https://old.example/p?id=1&fbclid=x', description: 'Old again', time: '2026-10-01T15:00:00Z', tags: '' }]));
      return { root, file };
    };
    const a = withOld();
    const s = await importInto(a.root, a.file);
    expect([s.imported, s.duplicates, s.duplicateOf]).toEqual([0, 1, [{ position: 'item 1', of: 'content/2026/10/01/old.md' }]]);
    expect(fs.readdirSync(path.join(a.root, 'content/2026/10/01'))).toEqual(['old.md']);
    // Compared as given on both sides: two links.
    const b = withOld();
    expect((await importInto(b.root, b.file, { keepQuery: true })).imported).toBe(1);
    const c = withOld('baseUrl: https://example.org/\nstripParams: []\n');
    expect((await importInto(c.root, c.file)).imported).toBe(1);
  });
});

describe('linklog import: every old URL answers, every word stays (issue 14, end to end)', () => {
  it('a Jekyll site: _config.yml’s permalink gives the old paths; links between imported posts point at their new pages; the built site redirects every old path', async () => {
    const root = site('baseUrl: https://example.org/\ntimezone: America/Chicago\n');
    const r = await runCli(['import', path.join(IMPORT, 'jekyll-site/_posts'), '--root', root, '--source-url', 'https://old.example/']);
    // a key written twice is read as Jekyll reads it (the last one), not skipped
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2018-08-30-dup-keys\.md: front matter has a key written twice: the last one is read/);
    expect(r.stdout).toMatch(/imported 3 of 3 markdown records: .* errors 0, old paths kept 0, redirected 3, links to imported posts made internal 2/);
    const entries = byUrl(await entriesOf(root));
    const first = entries.get('https://site.example/first')!;
    const second = entries.get('https://site.example/second')!;
    const dup = entries.get('https://site.example/dup')!;
    // no date in the front matter: the file name's, as Jekyll reads it; Jekyll's :title keeps the case
    expect(second.source).toBe('content/2018/08/29/second-post.md');
    expect(second.aliases).toEqual(['2018/08/Second-Post/']);
    expect(first.aliases).toEqual(['2018/08/first-post/']);
    expect(dup.data.query).toEqual({ v: '2' });
    expect(first.body.trim()).toBe('See [the second](/2018/08/29/second-post/) and [again](/2018/08/29/second-post/#note), or [about me](https://old.example/about/).');
    // prose about a <script> tag keeps its words; a real script is removed, and named
    expect(second.body).toContain('Throwing a bunch of &lt;script> tags in your HTML is suddenly not a terrible idea.');
    expect(r.stderr).toMatch(/2018-08-30-dup-keys\.md: raw HTML that could run script was removed \(<script>\), with 1 words of its text \(track\)/);
    expect(r.stderr).not.toMatch(/Second-Post\.md: raw HTML/);
    await build({ root });
    const out = (p: string) => fs.readFileSync(path.join(root, '_site', p, 'index.html'), 'utf8');
    for (const [old, to] of [['2018/08/first-post', '/2018/08/28/first-post/'], ['2018/08/Second-Post', '/2018/08/29/second-post/'], ['2018/08/dup-keys', '/2018/08/30/dup-keys/']]) {
      expect(out(old)).toContain(`url=${to}`);
      expect(fs.existsSync(path.join(root, '_site', to, 'index.html'))).toBe(true);
    }
    expect(out('2018/08/29/second-post')).toContain('Throwing a bunch of &#x3C;script> tags in your HTML is suddenly not a terrible idea.');
  });

  it('Eleventy: --permalink /bookmark/:slug/ gives the old path whole, a slug too long is cut at a word; a bundle’s missing image is named', async () => {
    const root = site();
    const s = await importInto(root, path.join(IMPORT, 'eleventy-site/bookmarks'), { sourceUrl: 'https://old.example/', permalink: '/bookmark/:slug/' });
    expect(s.errors).toEqual([]);
    const entries = byUrl(await entriesOf(root));
    const long = entries.get('https://gomakethings.example/arguments')!;
    expect(long.slug).toBe('my-preferred-way-to-pass-arguments-into-a-function-with-vanilla-javascript');
    expect(long.aliases).toEqual(['bookmark/my-preferred-way-to-pass-arguments-into-a-function-with-vanilla-javascript-go-make-things/']);
    // what the bundle refers to and does not have is named; links out of it and to other sites are not files of it
    expect(s.notCopied).toEqual([
      { position: 'a-bundle/index.md', message: 'chart.png not copied: the post refers to it, but it is not beside the post' },
      { position: 'a-bundle/index.md', message: 'data/table.csv not copied: the post refers to it, but it is not beside the post' },
    ]);
    // Eleventy's and Hugo's default path is the file's, its date prefix kept
    const plain = site();
    await importInto(plain, path.join(IMPORT, 'eleventy-site/bookmarks'), { sourceUrl: 'https://old.example/' });
    expect((await entriesOf(plain)).map((e) => e.aliases[0]).sort()).toEqual([
      'bookmarks/2021-11-24-my-preferred-way-to-pass-arguments-into-a-function-with-vanilla-javascript-go-make-things/',
      'bookmarks/a-bundle/',
    ]);
  });

  it('names what sanitising removed: the elements and their words, not character references nor code', async () => {
    const { droppedBySanitiser, safeMarkdown } = await import('../src/import/records.js');
    const body = 'Code: `<meta name=x>` and &#123;braces&#125;.\n\n<script>track(visit)</script> <iframe src="https://v.example/"></iframe> end';
    expect(droppedBySanitiser(body, safeMarkdown(body))).toEqual({ markup: ['<script>', '<iframe>'], words: ['track', 'visit'] });
  });

  it('without --source-url, root-relative links to pages that were not imported are named', async () => {
    const root = site('baseUrl: https://example.org/\ntimezone: America/Chicago\n');
    const s = await importInto(root, path.join(IMPORT, 'jekyll-site/_posts'));
    expect(s.linksMoved).toBe(1);
    expect(s.notes).toContainEqual({ position: '2018/08/2018-08-28-first-post.md', message: 'links into the old site to pages not imported: /about/ (with --source-url they point at the old site)' });
    const first = byUrl(await entriesOf(root)).get('https://site.example/first')!;
    expect(first.body).toContain('[again](/2018/08/29/second-post/#note)');
  });
});

describe('linklog export → import: the Netscape round trip keeps every field (issue 14)', () => {
  it('custom fields (as DATA), archived, TOREAD, a title’s ideographic space, hard breaks and a <script> written as words', async () => {
    const from = site('baseUrl: https://example.org/\ntimezone: Europe/Paris\n');
    fs.mkdirSync(path.join(from, 'content/2021/10/23'), { recursive: true });
    fs.writeFileSync(
      path.join(from, 'content/2021/10/23/kobe.md'),
      '---\ntitle: "Kobe Hyakkei\u3000Hide Kawanishi"\nurl: https://kobe.example/\ndate: 2021-10-23T10:00:00+02:00\ntags: [Design System, photo]\narchived: https://web.archive.org/web/2021/https://kobe.example/\ntoread: true\nauthors: [Hide Kawanishi]\nhash: abc123\nlang: ja\n---\nThe `<script>` block is fully synchronous.\\\nA second line, one paragraph.\n\nTwo  spaces and a soft\nbreak.\n',
    );
    const entries = await entriesOf(from);
    const { settings } = await loadSite({ root: from, drafts: true });
    const text = exportNetscape(entries, settings);
    expect(text).toContain('toread="1"');
    const file = path.join(from, 'export.html');
    fs.writeFileSync(file, text);
    const to = site('baseUrl: https://example.org/\ntimezone: Europe/Paris\n');
    const s = await importInto(to, file);
    expect(s.errors).toEqual([]);
    const [back] = await entriesOf(to);
    const [e] = entries;
    expect({ title: back.title, archived: back.archived, data: back.data, tags: back.tags, slug: back.slug }).toEqual({ title: e.title, archived: e.archived, data: e.data, tags: e.tags, slug: e.slug });
    expect(back.data).toEqual({ toread: true, authors: ['Hide Kawanishi'], hash: 'abc123', lang: 'ja' });
    expect(back.title).toBe('Kobe Hyakkei\u3000Hide Kawanishi');
    // the words, the hard break and the paragraphs come back; a soft break is the space it shows as
    expect(back.body.trim()).toBe('The \\<script> block is fully synchronous.\\\nA second line, one paragraph.\n\nTwo spaces and a soft break.');
  });
});
