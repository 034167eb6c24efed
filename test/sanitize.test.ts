/**
 * Embeds and valid HTML (issue 18 pts 6, 7): what the sanitiser removes or mends in a body
 * is a warning at its line; allowed iframes are sandboxed; images, control characters,
 * headings and URLs come out as the Nu checker accepts them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { build, check } from '../src/build/index.js';
import { DEFAULT_EMBEDS, parseSettings } from '../src/config/settings.js';
import type { Diagnostic } from '../src/lib/diagnostics.js';
import { htmlUrl } from '../src/lib/href.js';
import { pageHtmlUnder } from '../src/markdown/html.js';
import { renderBody, type BodyContext } from '../src/markdown/render-body.js';
import { $, $$, attr, entry, makeSite as makeAnySite, readHtml, text } from './helpers.js';

const ctx = (embeds: readonly string[] = []): BodyContext => ({
  permalink: 'https://example.org/links/2026/11/26/x/',
  baseUrl: 'https://example.org/links/',
  basePath: '/links/',
  idPrefix: 'e-x-',
  embeds,
});
const render = (md: string, embeds: readonly string[] = []) => {
  const r = renderBody(md, ctx(embeds));
  return { ...r, tree: fromHtml(r.page, { fragment: true }), codes: (r.warnings ?? []).map((w) => `${w.line} ${w.code}`) };
};
const where = (d: Diagnostic) => `${d.file}:${d.line} ${d.code}`;
const CHECK_HTML = '/work/shared/tools/check-html';

describe('embeds (issue 18 pt 6)', () => {
  const youtube = '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x" title="YouTube video player" frameborder="0" allow="autoplay; clipboard-write" referrerpolicy="no-referrer" allowfullscreen></iframe>';

  it('off by default: every iframe is left out with a warning at its line, never silently', () => {
    const r = render(`Text.\n\n${youtube}\n`);
    expect($$(r.tree, 'iframe')).toEqual([]);
    expect(r.codes).toEqual(['3 embed-refused']);
    expect(r.warnings![0].message).toMatch(/embeds are off/);
  });

  it('an allowed host: sandboxed, lazy, titled, with a referrer policy; youtube.com becomes youtube-nocookie.com', () => {
    const r = render(youtube, DEFAULT_EMBEDS);
    const f = $(r.tree, 'iframe')!;
    expect(attr(f, 'src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=x');
    expect(attr(f, 'title')).toBe('YouTube video player');
    expect(attr(f, 'loading')).toBe('lazy');
    expect(attr(f, 'referrerPolicy')).toBe('strict-origin-when-cross-origin');
    // every player runs in an opaque origin: allow-scripts never with allow-same-origin (the Nu checker refuses the pair)
    expect(String(attr(f, 'sandbox')).split(' ').sort()).toEqual(['allow-popups', 'allow-popups-to-escape-sandbox', 'allow-presentation', 'allow-scripts']);
    expect([attr(f, 'width'), attr(f, 'height')]).toEqual(['560', '315']);
    expect(attr(f, 'frameborder')).toBeUndefined();
    // what the embed replaces (frameborder, allow, referrerpolicy…) is not a warning
    expect(r.codes).toEqual([]);
  });

  it('a missing title is the host; other attributes are reported', () => {
    const r = render('<iframe src="https://media.example/video/1" onload="x()" name="n"></iframe>', ['media.example']);
    expect(attr($(r.tree, 'iframe'), 'title')).toBe('media.example');
    // a host the author added runs in an opaque origin: scripts, but not with allow-same-origin
    expect(String(attr($(r.tree, 'iframe'), 'sandbox')).split(' ').sort()).toEqual(['allow-popups', 'allow-popups-to-escape-sandbox', 'allow-presentation', 'allow-scripts']);
    expect(r.codes).toEqual(['1 body-html-removed', '1 body-html-removed']);
    expect(r.warnings!.map((w) => w.message).join('\n')).toMatch(/onload of <iframe>/);
  });

  it('refuses a host not listed, subdomains only of listed hosts, http, the site itself, and no src', () => {
    const hosts = ['codepen.io'];
    const cases = [
      ['<iframe src="https://evil.example/x"></iframe>', /evil\.example is not in embeds/],
      ['<iframe src="https://codepen.io.evil.example/x"></iframe>', /not in embeds/],
      ['<iframe src="http://codepen.io/x"></iframe>', /only https/],
      ['<iframe src="https://example.org/links/x/"></iframe>', /site's own pages/],
      ['<iframe></iframe>', /without src/],
      ['<iframe src="javascript:alert(1)"></iframe>', /only https/],
    ] as const;
    for (const [html, why] of cases) {
      const r = render(html, [...hosts, 'example.org']);
      expect($$(r.tree, 'iframe'), html).toEqual([]);
      expect(r.codes, html).toEqual(['1 embed-refused']);
      expect(r.warnings![0].message, html).toMatch(why);
    }
    expect(attr($(render('<iframe src="https://assets.codepen.io/x"></iframe>', hosts).tree, 'iframe'), 'src')).toBe('https://assets.codepen.io/x');
  });

  it('video and audio from https (or the site) always have controls; http sources and autoplay are dropped with a warning', () => {
    const r = render('<video src="https://cdn.example/a.mp4" autoplay poster="http://cdn.example/p.jpg">Fallback</video>\n\n<audio><source src="clip.ogg" type="audio/ogg"><source src="http://x.example/a.mp3"></audio>');
    const video = $(r.tree, 'video')!;
    expect(attr(video, 'src')).toBe('https://cdn.example/a.mp4');
    expect(video.properties.controls).toBe(true);
    expect(video.properties.autoPlay).toBeUndefined();
    expect(attr(video, 'poster')).toBeUndefined();
    const audio = $(r.tree, 'audio')!;
    expect(audio.properties.controls).toBe(true);
    expect($$(audio, 'source').map((s) => attr(s, 'src'))).toEqual(['/links/2026/11/26/x/clip.ogg', undefined]);
    expect(r.codes).toEqual(['1 body-html-removed', '1 body-html-removed', '3 body-html-removed']);
  });

  it('the embeds setting: false, true (the default list) or hosts; anything else is an error at its line', () => {
    expect(parseSettings('baseUrl: https://e.org/\n').settings.embeds).toEqual([]);
    expect(parseSettings('baseUrl: https://e.org/\nembeds: true\n').settings.embeds).toEqual(DEFAULT_EMBEDS);
    expect(parseSettings('baseUrl: https://e.org/\nembeds: [Player.Vimeo.com]\n').settings.embeds).toEqual(['player.vimeo.com']);
    const bad = parseSettings('baseUrl: https://e.org/\nembeds: https://youtube.com/\n').diagnostics;
    expect(bad.map((d) => `${d.line} ${d.code}`)).toEqual(['2 invalid-setting']);
  });
});

describe('what the sanitiser removes is a warning at its line (issue 18 pt 6)', () => {
  it('elements, attributes, unsafe URLs, comments and obsolete attributes', () => {
    const md = ['Intro.', '', '<script>alert(1)</script>', '<p onclick="x()" align="center">p</p>', '<a href="javascript:alert(1)">a</a>', '<font color="red">kept text</font>', '<!-- a note -->', '<p style="color:red">s</p>'].join('\n');
    const r = render(md);
    expect(r.codes).toEqual(['3 body-html-removed', '4 body-html-removed', '4 body-html-removed', '5 body-html-removed', '6 body-html-removed', '7 body-html-removed', '8 body-html-removed']);
    const messages = r.warnings!.map((w) => w.message);
    expect(messages[0]).toMatch(/<script> and its content removed/);
    expect(messages).toContain('attribute onclick of <p> removed: not allowed');
    expect(messages).toContain('attribute align of <p> removed: not allowed');
    expect(messages[3]).toMatch(/href of <a> removed.*javascript: URL/);
    expect(messages[4]).toMatch(/<font> removed \(its content kept\)/);
    expect(r.page).toContain('kept text');
    expect(r.page).not.toMatch(/script|onclick|align|javascript|font|style/);
  });

  it('the same removal many times is one warning with a count', () => {
    const r = render(Array.from({ length: 5 }, () => '<span onclick="x()">s</span>').join('\n\n'));
    expect(r.warnings).toEqual([{ line: 1, code: 'body-html-removed', message: 'attribute onclick of <span> removed: not allowed (5 times)' }]);
  });

  it('nothing to report in plain Markdown: footnotes, tables with alignment, task lists, code, images with alt', () => {
    const r = render('Text[^1] `<b>`\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n- [x] done\n\n![a cat](cat.png)\n\n```html\n<script>\n```\n\n[^1]: Note.');
    expect(r.warnings).toBeUndefined();
    expect(attr($(r.tree, 'td'), 'style')).toBe('text-align: center');
    expect(attr($(r.tree, 'td'), 'align')).toBeUndefined();
  });
});

describe('valid HTML always (issue 18 pt 7)', () => {
  it('an <img> without src is left out, one without alt gets alt="", each with a warning', () => {
    const r = render('An HTML <img> tag.\n\n<img src="a.png">\n\n![](b.png)');
    expect($$(r.tree, 'img').map((i) => [attr(i, 'src'), attr(i, 'alt')])).toEqual([
      ['/links/2026/11/26/x/a.png', ''],
      ['/links/2026/11/26/x/b.png', ''],
    ]);
    // Markdown's ![](…) has an (empty) alt: the author said it is decorative
    expect(r.codes).toEqual(['1 img-no-src', '3 img-no-alt']);
  });

  it('C1 controls, noncharacters and other controls leave text and attributes, with a warning', () => {
    const r = render('Mojibake \u0081 and \u009d here \uFDD0.\n\n<abbr title="t\u0090i">x</abbr> `code \u0085` \u{1FFFF}');
    expect(r.page).not.toMatch(/[\u0080-\u009f\uFDD0\u{1FFFF}]/u);
    expect(attr($(r.tree, 'abbr'), 'title')).toBe('ti');
    expect(r.codes).toEqual(['1 body-control-char', '3 body-control-char', '3 body-control-char', '3 body-control-char']);
    expect(r.warnings![0].message).toMatch(/^U\+0081, U\+009D, U\+FDD0 removed from the text/);
  });

  it('headings never skip a level below the title, wherever the entry is shown', () => {
    const r = render('# One\n\n### Three\n\n## Two\n\nText[^1].\n\n[^1]: Note.');
    const levels = (html: string) => [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    expect(levels(r.page)).toEqual([2, 3, 3, 3]);
    expect(levels(pageHtmlUnder(r, 1))).toEqual([2, 3, 3, 3]);
    expect(levels(pageHtmlUnder(r, 2))).toEqual([3, 4, 4, 4]);
    expect(levels(pageHtmlUnder(r, 3))).toEqual([4, 5, 5, 5]);
    expect(levels(pageHtmlUnder(r, 5))).toEqual([6, 6, 6, 6]);
    expect(levels(r.feed)).toEqual([2, 3, 3, 3]);
    expect(r.warnings).toBeUndefined();
    // a body without headings is stored once
    expect(render('No headings.').pageUnder).toBeUndefined();
  });

  it('URLs are percent-encoded where RFC 3986 refuses what the WHATWG parser leaves', () => {
    expect(htmlUrl('https://x.example/a|b?q=[1]{2}^`x`#f#g')).toBe('https://x.example/a%7Cb?q=%5B1%5D%7B2%7D%5E%60x%60#f%23g');
    expect(htmlUrl('https://[::1]:8080/p%zz%41')).toBe('https://[::1]:8080/p%25zz%41');
    expect(htmlUrl('/links/a b/')).toBe('/links/a%20b/');
    const r = render('[a](https://x.example/a|b?q=[1]) [b](<sp ace.html>) [c](https://ex.example/café?q=ü) <https://x.example/?a=b|c>');
    const hrefs = $$(r.tree, 'a').map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(['https://x.example/a%7Cb?q=%5B1%5D', '/links/2026/11/26/x/sp%20ace.html', 'https://ex.example/caf%C3%A9?q=%C3%BC', 'https://x.example/?a=b%7Cc']);
    for (const h of hrefs) expect(h).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]+$/);
  });
});

describe('in a build: warnings with path:line from every path a body takes (issue 18 pts 6, 7)', () => {
  const files = {
    'linklog.yaml': 'baseUrl: https://example.com/\nembeds: [media.example]\n',
    'content/a.md': entry(
      { title: '"Mojibake \\u0081 title"', url: 'https://example.com/a|b', date: '2026-11-24', tags: '[video]' },
      ['# A heading', '', 'An HTML <img> tag.', '', '<iframe src="https://media.example/video/1"></iframe>', '', '<iframe src="https://evil.example/"></iframe>', '', 'C1: \u0081', ''].join('\n'),
    ),
    // long enough to be rendered on a worker thread
    'content/long.md': entry({ title: 'Long', url: 'https://example.com/long', date: '2026-11-24' }, `${'Words and more words. '.repeat(500)}\n\n<img src="x.png">\n`),
  };
  // body line N is file line N + 6 in a.md (front matter and its fences: 6 lines), N + 5 in long.md
  const expected = ['content/a.md:2 not-xml-text', 'content/a.md:9 img-no-src', 'content/a.md:13 embed-refused', 'content/a.md:15 body-control-char', 'content/long.md:8 img-no-alt'];

  it('build, a build from the cache and check report the same; the pages are valid HTML', async () => {
    const root = makeAnySite(files);
    const first = await build({ root });
    expect(first.diagnostics.map(where)).toEqual(expected);
    expect(first.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    // the bodies now come from the cache: their warnings too
    fs.appendFileSync(path.join(root, 'linklog.yaml'), 'description: changed\n');
    const second = await build({ root });
    expect(second.stats!.bodiesRendered).toBe(0);
    expect(second.diagnostics.map(where)).toEqual(expected);
    expect((await check({ root })).map(where)).toEqual(expected);

    const page = readHtml(path.join(root, '_site'), '2026/11/24/a/index.html');
    expect(text($(page, 'h1.link-title a'))).toMatch(/^Mojibake +title$/);
    expect(attr($(page, 'h1.link-title a'), 'href')).toBe('https://example.com/a%7Cb');
    expect(attr($(page, '.commentary iframe'), 'src')).toBe('https://media.example/video/1');
    expect($(page, '.commentary h2')).toBeDefined();
    const day = readHtml(path.join(root, '_site'), '2026/11/24/index.html');
    expect($(day, '.commentary h3')).toBeDefined();
    const home = readHtml(path.join(root, '_site'), 'index.html');
    expect($(home, '.commentary h4')).toBeDefined();
    if (!fs.existsSync(CHECK_HTML)) return void console.warn(`skipping check-html: ${CHECK_HTML} is not here`);
    const v = await new Promise<{ code: number; out: string }>((resolve) =>
      execFile(CHECK_HTML, [path.join(root, '_site')], (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr })),
    );
    expect(v.out.split('\n').filter((l) => /: error:/.test(l))).toEqual([]);
    expect(v.code).toBe(0);
  });
});
