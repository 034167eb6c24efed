import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { parseSettings } from '../src/config/settings.js';
import { summaryOf } from '../src/render/summary.js';
import { $, $$, attr, entry, makeSite, readHtml } from './helpers.js';

const meta = (tree: ReturnType<typeof readHtml>, key: string) =>
  $$(tree, 'meta').filter((m) => attr(m, 'property') === key || attr(m, 'name') === key).map((m) => attr(m, 'content'));

describe('summaryOf (a page description from its commentary)', () => {
  it.each([
    ['<p>First sentence here. Second one.</p>', 'First sentence here.'],
    ['<p>Short. But the first sentence is too short to stand alone, so it runs on.</p>', 'Short. But the first sentence is too short to stand alone, so it runs on.'],
    ['<blockquote>\n<p>Quoted &#x26; <em>kept</em> &lt;b&gt;.</p>\n</blockquote>', 'Quoted & kept <b>.'],
    ['<p>A note<sup><a href="#fn1">1</a></sup> about it.</p><section data-footnotes><ol><li>Note text.</li></ol></section>', 'A note about it.'],
    ['', undefined],
    ['<p><img src="x.png" alt=""></p>', undefined],
  ])('%j → %j', (html, expected) => expect(summaryOf(html)).toBe(expected));

  it('cuts a long sentence at a word boundary, under 160 characters', () => {
    const s = summaryOf(`<p>${'word '.repeat(60)}end.</p>`)!;
    expect([...s].length).toBeLessThanOrEqual(160);
    expect(s).toMatch(/^word( word)*…$/);
  });
});

describe('meta tags and social cards', () => {
  const site = (yaml = '') =>
    makeSite({
      'linklog.yaml': `title: Meta test\ndescription: The site's line.\nbaseUrl: https://example.org/\n${yaml}`,
      'content/2026/11/a.md': entry({ title: 'A link', url: 'https://a.example/', date: '2026-11-20T10:00:00Z', tags: '[web, Design Systems]' }, 'Worth reading for the tables. The rest is fine.\n'),
      'pages/about.md': '---\ntitle: About\ndescription: Who keeps this log.\n---\nHello.\n',
    });

  it('an entry page is an article described by its first sentence; other pages describe themselves', async () => {
    const root = site();
    await build({ root, out: path.join(root, '_site') });
    const out = path.join(root, '_site');
    const page = readHtml(out, '2026/11/20/a/index.html');
    expect(meta(page, 'description')).toEqual(['Worth reading for the tables.']);
    expect(meta(page, 'og:description')).toEqual(['Worth reading for the tables.']);
    expect(meta(page, 'og:type')).toEqual(['article']);
    expect(meta(page, 'og:title')).toEqual(['A link']);
    expect(meta(page, 'og:url')).toEqual(['https://example.org/2026/11/20/a/']);
    expect(meta(page, 'og:site_name')).toEqual(['Meta test']);
    expect(meta(page, 'article:published_time')).toEqual(['2026-11-20T10:00:00Z']);
    expect(meta(page, 'article:tag')).toEqual(['web', 'Design Systems']);
    expect(meta(page, 'twitter:card')).toEqual(['summary']);
    expect(meta(readHtml(out, 'tags/web/index.html'), 'description')[0]).toMatch(/One link tagged “web”/);
    expect(meta(readHtml(out, '2026/11/20/index.html'), 'description')[0]).toMatch(/One link saved on 2026-11-20/);
    expect(meta(readHtml(out, 'about/index.html'), 'description')).toEqual(['Who keeps this log.']);
    expect(meta(readHtml(out, 'index.html'), 'description')).toEqual(["The site's line."]);
    expect(meta(readHtml(out, 'index.html'), 'og:type')).toEqual(['website']);
    // A favicon on every page, and the file itself.
    expect(attr($(page, 'link[rel=icon]'), 'href')).toBe('/favicon.svg');
    expect(fs.readFileSync(path.join(out, 'favicon.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('the image setting gives every page a large card; a site path is made absolute', async () => {
    const root = site('image: /card.png\n');
    await build({ root, out: path.join(root, '_site') });
    const home = readHtml(path.join(root, '_site'), 'index.html');
    expect(meta(home, 'og:image')).toEqual(['https://example.org/card.png']);
    expect(meta(home, 'twitter:card')).toEqual(['summary_large_image']);
  });

  it('refuses an image that is neither an http(s) URL nor a site path', () => {
    for (const bad of ['javascript:alert(1)', '//evil.example/x.png', 'card.png']) {
      const { diagnostics } = parseSettings(`baseUrl: https://example.org/\nimage: "${bad}"\n`);
      expect(diagnostics.map((d) => d.code), bad).toEqual(['invalid-setting']);
    }
  });
});
