/**
 * Search without a browser: the records made from the model, the index's files in the
 * output (and none with `search: false`), re-indexing only when records change, and
 * `linklog dev` making the index in the background after the reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, loadSite } from '../src/build/index.js';
import { startDev, type DevSession } from '../src/dev/index.js';
import { commentaryText, domainOf, searchRecord } from '../src/render/search.js';
import { $, copyFixture, entry, readHtml, tempDir } from './helpers.js';

const errors = (r: { diagnostics: { severity: string }[] }) => r.diagnostics.filter((d) => d.severity === 'error');

describe('search records', () => {
  it('take the commentary as text, without markup', () => {
    expect(commentaryText('<p>A body with <b>bold</b> &amp; an\n  ampersand.</p>')).toBe('A body with bold & an ampersand.');
    expect(commentaryText('<blockquote>\n<p>A quote</p>\n</blockquote>\n<p>after <a href="/x">a link</a></p>')).toBe('A quote after a link');
    expect(commentaryText('plain')).toBe('plain');
  });

  it('take the domain without www.', () => {
    expect(domainOf('https://www.lwn.net/Articles/1/')).toBe('lwn.net');
    expect(domainOf('http://example.com:8080/x')).toBe('example.com');
  });

  it('are made from the model: title, domain, commentary and tags searched; tags a filter; date a sort key; the url under the base path', async () => {
    const { site, settings } = await loadSite({ root: copyFixture('basic') });
    const e = site!.entries.find((x) => x.slug === 'fish-chips-quoted-single') ?? site!.entries.find((x) => x.title.startsWith('Fish'))!;
    const r = searchRecord(settings, site!, e, 'A body with bold & an ampersand.');
    expect(r.url).toBe(`/links/2026/11/26/${e.slug}/`);
    expect(r.content.split('\n')).toEqual([`Fish & <Chips> "quoted" 'single'`, 'example.com', 'A body with bold & an ampersand.', 'Etsy, R&D, café, c++, 日本語']);
    expect(r.meta).toEqual({ title: `Fish & <Chips> "quoted" 'single'`, domain: 'example.com', date: '2026-11-26' });
    expect(r.filters).toEqual({ tag: ['Etsy', 'R&D', 'café', 'c++', '日本語'] });
    expect(r.sort).toEqual({ date: '2026-11-26T14:00:00.000Z' });
    expect(r.language).toBe('en');
  });
});

describe('the search index in the build', () => {
  it('is written to /pagefind/ with the /search/ page and a form on every page; a build with no content change does not re-index', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    const first = await build({ root });
    expect(errors(first)).toEqual([]);
    expect(first.stats!.searchIndexed).toBe(1);
    expect(fs.existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'pagefind/pagefind-ui.js'))).toBe(true);
    const marker = fs.readFileSync(path.join(out, '.linklog-site'), 'utf8');
    expect(marker).toContain('pagefind/pagefind.js');
    const form = $(readHtml(out, 'tags/index.html'), 'form.site-search');
    expect(form?.properties.action).toBe('/links/search/');
    expect(form?.properties.method).toBe('get');
    const page = readHtml(out, 'search/index.html');
    expect($(page, 'noscript a[href="/links/tags/"]')).toBeDefined();
    expect($(page, 'noscript a[href="/links/archive/"]')).toBeDefined();
    expect($(page, 'script[src="/links/pagefind/pagefind-ui.js"]')).toBeDefined();

    // A template change rebuilds every page, and indexes nothing.
    fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates/404.eta'), "<% layout('@layout') %>\n<p>Nothing here.</p>\n");
    const again = await build({ root });
    expect(errors(again)).toEqual([]);
    expect(again.stats!.searchIndexed).toBe(0);
    expect(again.stats!.written).toEqual(['404.html']);

    // A new entry: the index is made again, and written.
    fs.writeFileSync(path.join(root, 'content/2026/11/new.md'), entry({ title: 'Zeppelins', url: 'https://zeppelin.example/', date: '2026-11-27', tags: 'air' }));
    const third = await build({ root });
    expect(errors(third)).toEqual([]);
    expect(third.stats!.searchIndexed).toBe(1);
    expect(third.stats!.written.some((f) => f.startsWith('pagefind/'))).toBe(true);
  });

  it('search: false leaves out the index, the page and the form, and removes what an earlier build wrote', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    expect(errors(await build({ root }))).toEqual([]);
    fs.appendFileSync(path.join(root, 'linklog.yaml'), 'search: false\n');
    const r = await build({ root });
    expect(errors(r)).toEqual([]);
    expect(r.stats!.searchIndexed).toBeUndefined();
    expect(fs.existsSync(path.join(out, 'pagefind'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'search'))).toBe(false);
    expect($(readHtml(out, 'index.html'), 'form.site-search')).toBeUndefined();
    expect(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).not.toContain('/search/');
  });
});

describe('the search index\'s files', () => {
  const tree = (dir: string): Map<string, Buffer> => {
    const files = new Map<string, Buffer>();
    for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (f.isFile()) files.set(path.relative(dir, path.join(f.parentPath ?? f.path, f.name)), fs.readFileSync(path.join(f.parentPath ?? f.path, f.name)));
    }
    return files;
  };

  it('are the same whether Pagefind writes them to a temporary folder (read back, then read from the cache when written) or sends them (no temporary folder, no cache)', async () => {
    const root = copyFixture('basic');
    expect(errors(await build({ root, searchShards: [3, 2] }))).toEqual([]);
    const other = copyFixture('basic');
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = path.join(other, 'no-such-folder');
    try {
      expect(errors(await build({ root: other, cache: false, searchShards: [3, 2] }))).toEqual([]);
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
    const a = tree(path.join(root, '_site/pagefind'));
    const b = tree(path.join(other, '_site/pagefind'));
    expect(a.size).toBeGreaterThan(10);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [f, bytes] of a) expect(bytes.equals(b.get(f)!), f).toBe(true);
  });
});

describe('search under linklog dev', () => {
  let session: DevSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('reloads without waiting for the index, then serves the newest finished index', async () => {
    const root = copyFixture('basic');
    session = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: () => {}, error: () => {} });
    const dev = session;
    const indexed = () => new Promise<number>((resolve) => dev.events.once('search', resolve));
    await indexed();
    const url = (rel: string) => new URL(`pagefind/${rel}`, dev.server.url).href;
    const entryJson = async () => (await fetch(url('pagefind-entry.json'))).text();
    const before = await entryJson();
    expect(JSON.parse(before).languages.en.page_count).toBe(5);
    expect((await fetch(url('pagefind.js'))).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(url('nope.js'))).status).toBe(404);
    // The dev output has no index of its own: the server answers from memory.
    expect(fs.existsSync(path.join(root, '_site/pagefind'))).toBe(false);

    const next = indexed();
    const rebuilt = dev.rebuilt('content/2026/11/new.md');
    fs.writeFileSync(path.join(root, 'content/2026/11/new.md'), entry({ title: 'Zeppelins', url: 'https://zeppelin.example/', date: '2026-11-27', tags: 'air' }));
    await rebuilt;
    // Reloaded: the old index is still served until the new one is finished.
    expect(await entryJson()).toBe(before);
    expect(await next).toBe(1);
    expect(JSON.parse(await entryJson()).languages.en.page_count).toBe(6);
  });
});
