import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { devBuilds } from '../src/dev/builds.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { sitemapOutput } from '../src/plan/outputs/sitemap.js';
import type { FileSpec, PlanContext } from '../src/plan/types.js';
import type { RenderContext } from '../src/render/context.js';
import { readsOnlyEntry } from '../src/render/templates.js';
import type { Settings } from '../src/config/settings.js';
import { fromXml } from 'xast-util-from-xml';
import { $, $$, attr, child, children, contentText, copyFixture, readHtml, readXml, REPO, snapshotTree, tempDir, text, xtext } from './helpers.js';

let root: string;
let out: string;

beforeAll(async () => {
  root = copyFixture('basic');
  out = path.join(root, '_site');
  const r = await build({ root });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
});

const exists = (rel: string) => fs.existsSync(path.join(out, rel));
const isPending = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8').includes('http-equiv="refresh"');
/** The site's pages (not the redirect at a list's next number: see the pagination test). */
const htmlFiles = () => [...snapshotTree(out).keys()].filter((f) => f.endsWith('.html') && !isPending(f));

describe('build of the basic fixture', () => {
  it('writes every kind of page and feed', () => {
    for (const rel of [
      'index.html',
      'page/1/index.html',
      'page/2/index.html',
      '2026/11/26/escaping/index.html',
      '2026/11/24/date-only/index.html',
      '2026/11/25/md-features/index.html',
      '2026/11/20/folder-does-not-matter/index.html',
      '2026/11/24/index.html',
      '2026/11/index.html',
      '2026/index.html',
      'archive/index.html',
      'tags/index.html',
      'tags/web/index.html',
      'tags/web/page/1/index.html',
      'tags/web/page/2/index.html',
      'tags/web/feed.xml',
      'tags/r-d/index.html',
      'tags/café/index.html',
      'tags/c++/index.html',
      'tags/日本語/index.html',
      'feed.xml',
      'daily.xml',
      'sitemap.xml',
      '404.html',
      'robots.txt',
      'style.css',
    ]) {
      expect(exists(rel), rel).toBe(true);
    }
    expect(exists('page/3/index.html')).toBe(false);
    expect(exists('page/0/index.html')).toBe(false);
  });

  it('places entries by date in the site timezone (west of UTC), whatever their folder', () => {
    // 2026-11-25T03:00Z is the evening of the 24th in New York.
    expect(exists('2026/11/24/late-utc/index.html')).toBe(true);
    const day = readHtml(out, '2026/11/24/index.html');
    expect(text($(day, 'h1'))).toBe('Links for 2026-11-24');
    expect($$(day, 'article h2 a').map((a) => text(a))).toEqual(['Late in UTC', 'Date only']);
  });

  it('leaves drafts out', () => {
    expect(exists('2026/11/26/draft/index.html')).toBe(false);
    expect(exists('tags/secret-tag/index.html')).toBe(false);
    expect(fs.readFileSync(path.join(out, 'feed.xml'), 'utf8')).not.toContain('A draft');
  });

  it('skips files and folders starting with _ or .', () => {
    expect(htmlFiles().some((f) => f.includes('ignored') || f.includes('hidden'))).toBe(false);
  });

  it('gives every page a title, lang, viewport, stylesheet and an Atom alternate link', () => {
    for (const rel of htmlFiles()) {
      const tree = readHtml(out, rel);
      expect(text($(tree, 'head > title')).length, rel).toBeGreaterThan(0);
      expect(attr($(tree, 'html'), 'lang'), rel).toBe('en');
      expect(attr($(tree, 'meta[name=viewport]'), 'content'), rel).toContain('width=device-width');
      expect($$(tree, 'link[rel=alternate][type="application/atom+xml"]').length, rel).toBeGreaterThan(0);
    }
  });

  it('links the feed that fits the page: a tag page offers its own feed first', () => {
    const tag = readHtml(out, 'tags/web/index.html');
    expect(attr($(tag, 'link[rel=alternate][type="application/atom+xml"]'), 'href')).toBe('/links/tags/web/feed.xml');
    const home = readHtml(out, 'index.html');
    expect(attr($(home, 'link[rel=alternate][type="application/atom+xml"]'), 'href')).toBe('/links/feed.xml');
  });

  it('paginates from the oldest end with rel=prev (newer) and rel=next (older); the next number redirects to the front', () => {
    // 5 entries, 2 a page: the front shows the newest 3, /page/1/ the oldest 2.
    const front = readHtml(out, 'index.html');
    const p1 = readHtml(out, 'page/1/index.html');
    expect(attr($(front, 'link[rel=next]'), 'href')).toBe('/links/page/1/');
    expect($(front, 'link[rel=prev]')).toBeUndefined();
    expect(attr($(p1, 'link[rel=prev]'), 'href')).toBe('/links/page/2/');
    expect(attr($(p1, 'a[rel=prev]'), 'href')).toBe('/links/page/2/');
    expect($(p1, 'link[rel=next]')).toBeUndefined();
    expect(text($(p1, 'h1'))).toBe('Links, page 1');
    const all = [front, p1].flatMap((p) => $$(p, 'article .link-title a').map((a) => text(a)));
    expect(all).toEqual(['Fish & <Chips> "quoted" \'single\'', 'Markdown features', 'Late in UTC', 'Date only', 'Folder does not matter']);
    expect($$(front, 'h2.day-title').map((h) => text(h))).toEqual(['Links for 2026-11-26', 'Links for 2026-11-25', 'Links for 2026-11-24']);
    // /page/2/ is not filled yet: a redirect to the front page, left out of the sitemap.
    expect(isPending('page/2/index.html')).toBe(true);
    const pending = readHtml(out, 'page/2/index.html');
    expect(attr($(pending, 'meta[http-equiv=refresh]'), 'content')).toBe('0; url=/links/');
    expect(attr($(pending, 'meta[name=robots]'), 'content')).toBe('noindex');
    expect(attr($(pending, 'link[rel=canonical]'), 'href')).toBe('https://example.org/links/');
    expect($$(pending, 'article')).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).not.toContain('/page/2/');
    // A tag's numbered pages show neither its count nor anything else that changes.
    const web = readHtml(out, 'tags/web/page/1/index.html');
    expect(text($(web, 'h1'))).toBe('Links tagged “web”, page 1');
    expect(text($(web, '.page-meta'))).not.toMatch(/\d/);
  });

  it('puts the base path on every internal link of every page', () => {
    for (const rel of htmlFiles()) {
      const tree = readHtml(out, rel);
      for (const el of $$(tree, '[href], [src]')) {
        const url = attr(el, 'href') ?? attr(el, 'src')!;
        if (/^[a-z]+:/i.test(url) || url.startsWith('#')) continue;
        expect(url.startsWith('/links/'), `${rel}: ${url}`).toBe(true);
      }
    }
  });

  it('resolves body links against the permalink, with the base path', () => {
    const page = readHtml(out, '2026/11/25/md-features/index.html');
    const links = $$(page, '.commentary a[href]').map((a) => attr(a, 'href'));
    expect(links).toContain('/links/2026/11/24/date-only/');
    expect(links).toContain('https://example.com/x');
    expect(links).toContain('/links/tags/web/');
    expect(attr($(page, '.commentary img'), 'src')).toBe('/links/img/pic.png');
    expect(fs.existsSync(path.join(out, 'img/pic.png'))).toBe(true);
  });

  it('escapes <, & and " in titles, urls and tags', () => {
    const page = readHtml(out, '2026/11/26/escaping/index.html');
    const title = $(page, 'h1.link-title a')!;
    expect(text(title)).toBe('Fish & <Chips> "quoted" \'single\'');
    expect(attr(title, 'href')).toBe('https://example.com/search?q=%3Cb%3E&x=%22y%22');
    expect(text($(page, 'head > title'))).toBe('Fish & <Chips> "quoted" \'single\' · Fish & <Chips> "Links"');
    expect($$(page, '.tags a').map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['Etsy', '/links/tags/etsy/'],
      ['R&D', '/links/tags/r-d/'],
      ['café', '/links/tags/caf%C3%A9/'],
      ['c++', '/links/tags/c++/'],
      ['日本語', '/links/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/'],
    ]);
    expect($$(page, 'b').map((b) => text(b))).toEqual(['bold']);
    const raw = fs.readFileSync(path.join(out, '2026/11/26/escaping/index.html'), 'utf8');
    expect(raw).not.toContain('<Chips>');
  });

  it('shows an entry with its commentary, tags, date and via', () => {
    const page = readHtml(out, '2026/11/20/folder-does-not-matter/index.html');
    expect(text($(page, '.commentary blockquote'))).toBe('A quote, as commentary often is.');
    expect(attr($(page, 'time'), 'dateTime')).toBe('2026-11-20T09:00:00Z');
    expect(text($(page, '.via'))).toBe('via A friend');
    expect(attr($(page, '.tags a'), 'href')).toBe('/links/tags/web/');
  });

  it('keeps ids unique on pages that list many entries, and footnote links land', () => {
    for (const rel of htmlFiles()) {
      const tree = readHtml(out, rel);
      const ids = $$(tree, '[id]').map((el) => attr(el, 'id'));
      expect(new Set(ids).size, rel).toBe(ids.length);
      for (const a of $$(tree, 'a[href^="#"]')) {
        const id = decodeURIComponent(attr(a, 'href')!.slice(1));
        expect($(tree, `[id="${id}"]`), `${rel} #${id}`).toBeDefined();
      }
    }
    const tag = readHtml(out, 'tags/markdown/index.html');
    expect($$(tag, 'sup a[href^="#"]')).toHaveLength(2);
  });

  it('never lets script from a body into a page or feed', () => {
    for (const [rel, content] of snapshotTree(out)) {
      // The search page's scripts are its own (Pagefind's UI); it shows no entry body.
      if (!/\.(html|xml)$/.test(rel) || rel === 'search/index.html') continue;
      expect(content.toLowerCase(), rel).not.toMatch(/<script|javascript:|onerror=|onclick=/);
    }
  });

  it('lists tags with counts, sorted', () => {
    const tags = readHtml(out, 'tags/index.html');
    const items = $$(tags, '.all-tags .tag-cloud li').map((li) => text(li));
    // `Etsy` and `etsy` are one tag; on a tie the display name is the first in code-point order
    expect(items).toEqual(['c++ (1)', 'café (1)', 'Etsy (2)', 'markdown (1)', 'R&D (1)', 'web (4)', '日本語 (1)']);
  });

  it('lists years and months with counts in the archive', () => {
    const archive = readHtml(out, 'archive/index.html');
    expect(text($(archive, 'h2'))).toBe('2026 (5)');
    expect($$(archive, '.months li').map((li) => text(li))).toEqual(['November 2026 (5)']);
    const month = readHtml(out, '2026/11/index.html');
    expect($$(month, 'h2').map((h) => text(h))).toEqual(['Links for 2026-11-26', 'Links for 2026-11-25', 'Links for 2026-11-24', 'Links for 2026-11-20']);
  });

  it('writes a sitemap of every page with absolute URLs', () => {
    const urls = children(child(readXml(out, 'sitemap.xml'), 'urlset')!, 'url').map((u) => xtext(child(u, 'loc')));
    expect(urls).toContain('https://example.org/links/');
    expect(urls).toContain('https://example.org/links/2026/11/24/late-utc/');
    expect(urls).toContain('https://example.org/links/tags/caf%C3%A9/');
    expect(urls.some((u) => u.includes('404'))).toBe(false);
    expect(urls).toHaveLength(htmlFiles().length - 1);
  });

  it('splits a sitemap over the URL limit into parts by month (a year page in its January, without lastmod) under a sitemap index', () => {
    const settings = { baseUrl: 'https://example.org/l/' } as Settings;
    const page = (route: string, lastmod?: number, listed = true): FileSpec => ({
      path: `${route}index.html`,
      output: 'test',
      inputs: { entries: [], values: [] },
      render: () => '',
      sitemap: listed ? { route, lastmod } : undefined,
    });
    const sitemapFiles = (_: Settings, planned: FileSpec[], limit?: number) =>
      sitemapOutput(limit)
        .plan({ settings, memo: <T>(init: () => T) => init(), items: () => planned } as PlanContext, planned)
        .map((f) => ({ route: f.path, xml: contentText(f.render({ settings } as RenderContext, f.inputs)) }));
    const routes = ['', 'page/2/', 'archive/', 'tags/', 'tags/x/', '2025/', '2025/01/', '2025/01/02/', '2025/01/02/a/', '2025/01/03/', '2026/', '2026/03/', '2026/03/01/', '2026/03/01/b/'];
    const pages = [...routes.map((r, i) => page(r, Date.UTC(2020, 0, 1 + i))), page('404.html', undefined, false)];
    // Under the limit: one urlset, as always.
    expect(sitemapFiles(settings, pages).map((f) => f.route)).toEqual(['sitemap.xml']);

    const files = new Map(sitemapFiles(settings, pages, 3).map((f) => [f.route, fromXml(f.xml)]));
    const index = child(files.get('sitemap.xml')!, 'sitemapindex')!;
    const parts = children(index, 'sitemap').map((s) => ({ loc: xtext(child(s, 'loc')), lastmod: child(s, 'lastmod') }));
    // Five pages outside the calendar; 2025-01 has its year's page and four more: over the limit of 3, in numbered slices.
    const names = ['site', 'site-2', '2025-01', '2025-01-2', '2026-01', '2026-03'];
    expect(parts.map((p) => p.loc)).toEqual(names.map((n) => `https://example.org/l/sitemaps/${n}.xml`));
    expect([...files.keys()].slice(1)).toEqual(names.map((n) => `sitemaps/${n}.xml`));
    const seen: string[] = [];
    parts.forEach((p, i) => {
      const urls = children(child(files.get(`sitemaps/${names[i]}.xml`)!, 'urlset')!, 'url');
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(3);
      const locs = urls.map((u) => xtext(child(u, 'loc')));
      if (names[i].startsWith('2025')) expect(locs.every((l) => l.startsWith('https://example.org/l/2025/'))).toBe(true);
      // The calendar's parts keep each page's lastmod but a year's; \`site\`'s pages (the front pages, which every new link changes) have none.
      const lastmods = urls.map((u) => child(u, 'lastmod'));
      if (names[i].startsWith('site')) expect(lastmods.every((l) => l === undefined)).toBe(true);
      else expect(lastmods.map((l, k) => [locs[k], l === undefined])).toEqual(locs.map((l) => [l, /\/l\/\d{4}\/$/.test(l)]));
      // The index has no lastmod: it changes only when a part is added or goes.
      expect(p.lastmod).toBeUndefined();
      seen.push(...locs);
    });
    expect(seen.sort()).toEqual(routes.map((r) => `https://example.org/l/${r}`).sort());
  });

  it('writes /tags.json: every tag with its slug, count and links, by slug', () => {
    const tags = JSON.parse(fs.readFileSync(path.join(out, 'tags.json'), 'utf8')) as Array<{ name: string; slug: string; count: number; href: string; url: string }>;
    const pages = htmlFiles().filter((f) => /^tags\/[^/]+\/index\.html$/.test(f));
    expect(tags.map((t) => `tags/${decodeURIComponent(t.href.slice('/links/tags/'.length))}index.html`).sort()).toEqual(pages.sort());
    expect(tags.map((t) => t.slug)).toEqual([...tags.map((t) => t.slug)].sort());
    expect(tags.find((t) => t.slug === 'café')).toEqual({ name: 'café', slug: 'café', count: 1, href: '/links/tags/caf%C3%A9/', url: 'https://example.org/links/tags/caf%C3%A9/' });
    for (const t of tags) expect(t.url.endsWith(t.href.slice('/links/'.length))).toBe(true);
  });

  it('copies public/ files as they are', () => {
    expect(fs.readFileSync(path.join(out, 'robots.txt'), 'utf8')).toBe('User-agent: *\n');
  });
});

describe('Atom feeds', () => {
  const feed = () => child(readXml(out, 'feed.xml'), 'feed')!;
  const entries = () => children(feed(), 'entry');
  const link = (el: ReturnType<typeof feed>, rel: string) => children(el, 'link').find((l) => l.attributes.rel === rel)?.attributes.href;

  it('has the feed-level elements, updated from its entries', () => {
    const f = feed();
    expect(f.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(xtext(child(f, 'id'))).toBe('https://example.org/links/feed.xml');
    expect(xtext(child(f, 'title'))).toBe('Fish & <Chips> "Links"');
    expect(link(f, 'self')).toBe('https://example.org/links/feed.xml');
    expect(link(f, 'alternate')).toBe('https://example.org/links/');
    expect(xtext(child(child(f, 'author')!, 'name'))).toBe('Ada Example');
    // the newest `updated` among its entries: late-utc was updated on the 27th
    expect(xtext(child(f, 'updated'))).toBe('2026-11-27T12:00:00Z');
  });

  it('holds the newest feedSize entries with ids, links, dates and categories', () => {
    const es = entries();
    expect(es).toHaveLength(3);
    const [first] = es;
    expect(xtext(child(first, 'id'))).toBe('tag:example.org,2026-11-26:escaping');
    expect(xtext(child(first, 'title'))).toBe('Fish & <Chips> "quoted" \'single\'');
    expect(link(first, 'alternate')).toBe('https://example.com/search?q=%3Cb%3E&x=%22y%22');
    expect(link(first, 'related')).toBe('https://example.org/links/2026/11/26/escaping/');
    expect(link(first, 'via')).toBe('https://news.example.net/item?id=1&x=%3Cy%3E');
    expect(xtext(child(first, 'published'))).toBe('2026-11-26T14:00:00Z');
    expect(children(first, 'category').map((c) => c.attributes.term)).toEqual(['Etsy', 'R&D', 'café', 'c++', '日本語']);
    const late = es.find((e) => xtext(child(e, 'id')).endsWith(':late-utc'))!;
    expect(xtext(child(late, 'id'))).toBe('tag:example.org,2026-11-24:late-utc');
    expect(xtext(child(late, 'updated'))).toBe('2026-11-27T12:00:00Z');
  });

  it('has html content in which every URL is absolute', () => {
    for (const feedFile of ['feed.xml', 'daily.xml', 'tags/markdown/feed.xml']) {
      const f = child(readXml(out, feedFile), 'feed')!;
      for (const e of children(f, 'entry')) {
        const content = child(e, 'content')!;
        expect(content.attributes.type).toBe('html');
        const tree = fromHtml(xtext(content), { fragment: true });
        for (const el of $$(tree, '[href], [src]')) {
          const url = attr(el, 'href') ?? attr(el, 'src')!;
          expect(url, `${feedFile}: ${url}`).toMatch(/^https?:\/\//);
        }
      }
    }
  });

  it('publishes a daily feed: one entry per day with all its links', () => {
    const f = child(readXml(out, 'daily.xml'), 'feed')!;
    const es = children(f, 'entry');
    expect(es.map((e) => xtext(child(e, 'title')))).toEqual(['Links for 2026-11-26', 'Links for 2026-11-25', 'Links for 2026-11-24']);
    expect(es[2].children.some((c) => c.type === 'element' && c.name === 'link' && c.attributes.href === 'https://example.org/links/2026/11/24/')).toBe(true);
    const content = fromHtml(xtext(child(es[2], 'content')), { fragment: true });
    expect($$(content, 'h2 a').map((a) => text(a))).toEqual(['Late in UTC', 'Date only']);
  });

  it('publishes a feed per tag', () => {
    const f = child(readXml(out, 'tags/etsy/feed.xml'), 'feed')!;
    expect(children(f, 'entry').map((e) => xtext(child(e, 'id')))).toEqual([
      'tag:example.org,2026-11-26:escaping',
      'tag:example.org,2026-11-24:date-only',
    ]);
    expect(link(f, 'alternate')).toBe('https://example.org/links/tags/etsy/');
  });

  it('keeps entry ids when the site moves domain or grows', async () => {
    const ids = (dir: string) => children(child(readXml(dir, 'tags/etsy/feed.xml'), 'feed')!, 'entry').map((e) => xtext(child(e, 'id')));
    const before = ids(out);
    const moved = tempDir();
    await build({ root, out: moved, baseUrl: 'https://new-home.example/' });
    expect(ids(moved)).toEqual(before);
    fs.writeFileSync(
      path.join(root, 'content/newer.md'),
      '---\ntitle: Newer\nurl: https://example.com/n\ndate: 2026-11-27\ntags: [etsy]\n---\n',
    );
    const grown = tempDir();
    await build({ root, out: grown });
    expect(ids(grown)).toEqual(['tag:example.org,2026-11-27:newer', ...before]);
    fs.rmSync(path.join(root, 'content/newer.md'));
  });
});

describe('build options', () => {
  it('includes drafts with drafts: true', async () => {
    const dest = tempDir();
    await build({ root, out: dest, drafts: true });
    expect(fs.existsSync(path.join(dest, '2026/11/26/draft/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(dest, 'tags/secret-tag/index.html'))).toBe(true);
  });

  it('gives byte-identical output for the same input', async () => {
    const a = tempDir();
    const b = tempDir();
    await build({ root, out: a });
    await build({ root, out: b });
    expect(snapshotTree(a)).toEqual(snapshotTree(b));
    expect(snapshotTree(a)).toEqual(snapshotTree(out));
  });

  it('never changes content/', async () => {
    const before = snapshotTree(path.join(root, 'content'));
    await build({ root, out: tempDir() });
    expect(snapshotTree(path.join(root, 'content'))).toEqual(before);
  });
});

describe('entry partials rendered once per entry', () => {
  it('tells a partial that reads only it.entry and it.level from one that reads more', () => {
    expect(readsOnlyEntry(fs.readFileSync(path.join(REPO, 'templates/_entry.eta'), 'utf8'))).toBe(true);
    expect(readsOnlyEntry('<p><%= it.entry.title %> <%= it.level %></p>')).toBe(true);
    expect(readsOnlyEntry('<p><%= it.entry.title %> <%= it.pagination.page %></p>')).toBe(false);
    expect(readsOnlyEntry('<p><%= it.entry.title %> <%= it["pagination"] %></p>')).toBe(false);
    expect(readsOnlyEntry('<p><%= it.entry.title %></p><%~ include("@x") %>')).toBe(false);
    expect(readsOnlyEntry('<p><%= it.entry.title %> <%= this.x %></p>')).toBe(false);
  });

  it('renders a partial that reads the page afresh on every page (dev, where partials are memoised)', async () => {
    const root = copyFixture('basic');
    const partial = fs.readFileSync(path.join(REPO, 'templates/_entry.eta'), 'utf8');
    fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates/_entry.eta'), partial.replace('<footer class="link-meta">', '<footer class="link-meta"><span class="on"><%= it.page.title %></span>'));
    const out = tempDir();
    const r = await devBuilds({ root, out }).build();
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The home page and a tag page both list entries at level 3.
    const shown = (rel: string) => [...new Set($$(readHtml(out, rel), 'span.on').map((s) => text(s)))];
    expect(shown('index.html')).toEqual([expect.stringContaining('Links')]);
    expect(shown('tags/web/index.html')).toEqual([expect.stringMatching(/web/)]);
  });
});
