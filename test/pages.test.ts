import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../src/build/index.js';
import { parseSettings } from '../src/config/settings.js';
import type { Diagnostic } from '../src/lib/diagnostics.js';
import { $, $$, attr, entry, makeSite, readHtml, text } from './helpers.js';

const placeAndCode = (d: Diagnostic) => [`${d.file}:${d.line ?? ''}`, d.code];

const site = (extra: Record<string, string> = {}) =>
  makeSite({
    'linklog.yaml': 'title: Pages test\nbaseUrl: https://example.org/links/\n',
    'content/2026/11/a.md': entry({ title: 'A link', url: 'https://a.example/', date: '2026-11-20', tags: '[web]' }),
    'pages/about.md': '---\ntitle: About this log\ndescription: Who keeps it\n---\nSee [the archive](/archive/).\n\n<script>alert(1)</script>\n',
    'pages/projects/index.md': '---\ntitle: Projects\nlang: fr\n---\nDes projets.\n',
    'pages/colophon.md': '---\ntitle: Colophon\nslug: how\n---\nMade with linklog.\n',
    ...extra,
  });

describe('pages of the site (pages/)', () => {
  it('each becomes a page at /<slug>/ through the page template, sanitised, in the sitemap, in no feed or list', async () => {
    const root = site();
    const r = await build({ root, out: path.join(root, '_site') });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = path.join(root, '_site');
    const about = readHtml(out, 'about/index.html');
    expect(text($(about, 'h1.page-title'))).toBe('About this log');
    expect(attr($(about, '.page-body a'), 'href')).toBe('/links/archive/');
    expect(fs.readFileSync(path.join(out, 'about/index.html'), 'utf8')).not.toMatch(/<script>alert/);
    expect(attr($(readHtml(out, 'projects/index.html'), 'article.site-page'), 'lang')).toBe('fr');
    expect(fs.existsSync(path.join(out, 'how/index.html'))).toBe(true);
    const sitemap = fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    for (const route of ['about/', 'projects/', 'how/']) expect(sitemap).toContain(`https://example.org/links/${route}`);
    for (const feed of ['feed.xml', 'daily.xml', 'tags/web/feed.xml']) expect(fs.readFileSync(path.join(out, feed), 'utf8')).not.toMatch(/About this log|Projects|Colophon/);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).not.toMatch(/About this log/);
  });

  it('a page whose path is a generated page is an error at path:line, in build and in check', async () => {
    const root = site({ 'pages/clash.md': '---\ntitle: Clash\nslug: archive\n---\nx\n' });
    const expected = [['pages/clash.md:3', 'path-clash']];
    const built = await build({ root, out: path.join(root, '_site') });
    expect(built.diagnostics.filter((d) => d.severity === 'error').map(placeAndCode)).toEqual(expected);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
    expect((await check({ root })).filter((d) => d.severity === 'error').map(placeAndCode)).toEqual(expected);
  });

  it('a missing title or a missing template is an error at path:line, all of them in one run', async () => {
    const root = site({
      'pages/untitled.md': '---\ndescription: no title\n---\nx\n',
      'pages/now.md': '---\ntitle: Now\ntemplate: nowpage\n---\nx\n',
    });
    const expected = [
      ['pages/now.md:3', 'unknown-template'],
      ['pages/untitled.md:1', 'missing-field'],
    ];
    const built = await build({ root, out: path.join(root, '_site') });
    expect(built.diagnostics.filter((d) => d.severity === 'error').map(placeAndCode)).toEqual(expected);
    expect((await check({ root })).filter((d) => d.severity === 'error').map(placeAndCode)).toEqual(expected);
  });

  it('a page can name its own template; a site template nothing uses is a warning, with the nearest name', async () => {
    const root = site({
      'pages/now.md': '---\ntitle: Now\ntemplate: now\n---\nReading things.\n',
      'templates/now.eta': "<% layout('@layout') %><p class=\"now\"><%= it.doc.title %></p><%~ it.doc.html %>",
      'templates/entries.eta': "<% layout('@layout') %>x",
      'templates/_partial.eta': 'a partial',
    });
    const r = await build({ root, out: path.join(root, '_site') });
    expect(text($(readHtml(path.join(root, '_site'), 'now/index.html'), 'p.now'))).toBe('Now');
    const unused = r.diagnostics.filter((d) => d.code === 'unused-template');
    expect(unused.map((d) => d.file)).toEqual(['templates/entries.eta']);
    expect(unused[0].message).toMatch(/entry\.eta/);
  });
});

describe('navigation (the nav setting)', () => {
  it('defaults to Latest, Archive, Tags, Feed, and marks the current page', async () => {
    const root = site();
    await build({ root, out: path.join(root, '_site') });
    const nav = $$(readHtml(path.join(root, '_site'), 'archive/index.html'), '.site-nav a');
    expect(nav.map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['Latest', '/links/'],
      ['Archive', '/links/archive/'],
      ['Tags', '/links/tags/'],
      ['Feed', '/links/feed.xml'],
    ]);
    expect(nav.map((a) => attr(a, 'ariaCurrent') ?? attr(a, 'aria-current'))).toEqual([undefined, 'page', undefined, undefined]);
  });

  it('lists what the site says: pages, routes and URLs', async () => {
    const root = site({
      'linklog.yaml': 'title: Pages test\nbaseUrl: https://example.org/links/\nnav:\n  - label: Links\n    href: /\n  - label: About\n    href: /about/\n  - label: Mastodon\n    href: https://social.example/@me\n',
    });
    await build({ root, out: path.join(root, '_site') });
    const nav = $$(readHtml(path.join(root, '_site'), 'about/index.html'), '.site-nav a');
    expect(nav.map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['Links', '/links/'],
      ['About', '/links/about/'],
      ['Mastodon', 'https://social.example/@me'],
    ]);
    expect(attr(nav[1], 'ariaCurrent')).toBe('page');
  });

  it.each([
    ['nav: about', 'must be a list'],
    ['nav:\n  - label: X\n', 'needs an href'],
    ['nav:\n  - href: /x/\n', 'needs a label'],
    ['nav:\n  - label: X\n    href: javascript:alert(1)\n', 'http\\(s\\) URL'],
    ['nav:\n  - label: X\n    href: //evil.example/\n', 'plain path'],
    ['nav:\n  - label: X\n    href: /a/../../b\n', 'plain path'],
    ['nav:\n  - label: X\n    href: /x/\n    target: _blank\n', "unknown key 'target'"],
  ])('refuses %j', (yaml, message) => {
    const { diagnostics } = parseSettings(`baseUrl: https://example.org/\n${yaml}`);
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[2, 'invalid-setting']]);
    expect(diagnostics[0].message).toMatch(new RegExp(message));
  });
});
