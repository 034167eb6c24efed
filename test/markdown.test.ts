import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { markdownToHast, markdownToHastReference } from '../src/markdown/processor.js';
import { renderBody, type BodyContext } from '../src/markdown/render-body.js';
import { $, $$, attr } from './helpers.js';

const ctx: BodyContext = {
  permalink: 'https://example.org/links/2026/11/26/x/',
  baseUrl: 'https://example.org/links/',
  basePath: '/links/',
  idPrefix: 'e-20261126-x-',
  embeds: [],
};
const both = (md: string) => {
  const r = renderBody(md, ctx);
  return { page: fromHtml(r.page, { fragment: true }), feed: fromHtml(r.feed, { fragment: true }), raw: r };
};
const hrefs = (tree: ReturnType<typeof fromHtml>) => $$(tree, 'a[href]').map((a) => attr(a, 'href'));

describe('renderBody', () => {
  it('keeps text that looks like private-use markers, beside links of both forms (it once crashed the build)', () => {
    const md = 'A [site link](/x/), a [note](#n), and \u{e000}0\u{e001} then \u{e000}99\u{e001} as written.\n\n<a id="n"></a>';
    const r = renderBody(md, ctx);
    for (const html of [r.page, r.feed]) expect(html).toContain('\u{e000}0\u{e001} then \u{e000}99\u{e001} as written.');
    expect(hrefs(fromHtml(r.page, { fragment: true }))).toEqual(['/links/x/', '#e-20261126-x-n']);
    expect(hrefs(fromHtml(r.feed, { fragment: true }))).toEqual(['https://example.org/links/x/', 'https://example.org/links/2026/11/26/x/#e-20261126-x-n']);
  });

  it('renders GFM: tables, task lists, strikethrough, autolinks', () => {
    const { page } = both('| a |\n|---|\n| 1 |\n\n- [x] done\n\n~~old~~ https://example.com/');
    expect($(page, 'table td')).toBeDefined();
    expect($(page, 'input[type=checkbox][checked]')).toBeDefined();
    expect($(page, 'del')).toBeDefined();
    expect(hrefs(page)).toContain('https://example.com/');
  });

  it('resolves relative links against the permalink, root-relative in pages and absolute in feeds', () => {
    const { page, feed } = both('[a](../y/) [b](pic.png) [c](/2026/11/24/z/) [d](https://other.example/) [e](//cdn.example/x)');
    expect(hrefs(page)).toEqual(['/links/2026/11/26/y/', '/links/2026/11/26/x/pic.png', '/links/2026/11/24/z/', 'https://other.example/', 'https://cdn.example/x']);
    expect(hrefs(feed)).toEqual([
      'https://example.org/links/2026/11/26/y/',
      'https://example.org/links/2026/11/26/x/pic.png',
      'https://example.org/links/2026/11/24/z/',
      'https://other.example/',
      'https://cdn.example/x',
    ]);
  });

  it('resolves image sources too', () => {
    const { page, feed } = both('![alt](img/a.png)');
    expect(attr($(page, 'img'), 'src')).toBe('/links/2026/11/26/x/img/a.png');
    expect(attr($(feed, 'img'), 'src')).toBe('https://example.org/links/2026/11/26/x/img/a.png');
  });

  it('gives footnotes ids unique to the entry, with working links in pages and feeds', () => {
    const { page, feed } = both('Text[^1].\n\n[^1]: Note.');
    const ref = $(page, 'sup a')!;
    const target = attr(ref, 'href')!.slice(1);
    expect(target.startsWith('e-20261126-x-')).toBe(true);
    expect($(page, `[id="${target}"]`)).toBeDefined();
    const back = $(page, '[data-footnote-backref]')!;
    expect($(page, `[id="${attr(back, 'href')!.slice(1)}"]`)).toBeDefined();
    expect(attr($(feed, 'sup a'), 'href')).toBe(`https://example.org/links/2026/11/26/x/#${target}`);
  });

  it('never lets script through: no script elements, no on* attributes, no javascript: URLs', () => {
    const md = [
      '<script>alert(1)</script>',
      '<img src="x.png" onerror="alert(1)" alt="x">',
      '<a href="javascript:alert(1)">a</a> <a href="JaVaScRiPt:alert(1)">b</a> <a href="jav&#x09;ascript:alert(1)">c</a>',
      '[md](javascript:alert(1))',
      '<iframe src="https://evil.example/"></iframe><object data="x"></object><embed src="x">',
      '<svg><script>alert(1)</script></svg><style>body{}</style>',
      '<p style="background:url(javascript:alert(1))" onclick="x()">p</p>',
      '<form action="https://evil.example/"><input name="q"></form>',
    ].join('\n\n');
    for (const html of [renderBody(md, ctx).page, renderBody(md, ctx).feed]) {
      const tree = fromHtml(html, { fragment: true });
      expect($$(tree, 'script, iframe, object, embed, style, form, svg')).toEqual([]);
      for (const el of $$(tree, '*')) {
        for (const [k, v] of Object.entries(el.properties)) {
          expect(k.toLowerCase().startsWith('on'), k).toBe(false);
          expect(String(v).toLowerCase().replace(/\s/g, '')).not.toContain('javascript:');
        }
      }
    }
  });

  it('keeps harmless raw HTML', () => {
    const { page } = both('<kbd>Ctrl</kbd> and <abbr title="HyperText">HTML</abbr>');
    expect($(page, 'kbd')).toBeDefined();
    expect(attr($(page, 'abbr'), 'title')).toBe('HyperText');
  });
});

describe('markdownToHast: GFM shortcuts (no email construct without an @, no autolink transform without a literal in text)', () => {
  const html = (tree: Root) => toHtml(tree);
  // Bodies that come near every GFM construct, none holding an @.
  const bodies = [
    'www.example.com and https://example.org/a_(b) and HTTP://X.Y/z.',
    'a&#64;b.co is not an address, and neither is `x@y` in code',
    '> quote with www.ex.com/p?a=1&b\n> and *emphasis* [link](https://e.org) ~~gone~~',
    '| a | b |\n|---|:-:|\n| 1 | www.x.y |\n\n- [x] done\n- [ ] to do\n\nnote[^1]\n\n[^1]: the note, mailto:someone',
    'x_y_z __bold__ \\*not em\\* <span>raw</span> http://',
    '[only in a destination](https://www.example.com/) and [ref][r]\n\n[r]: http://e.org/',
    'mail a@b.co or mailto:c@d.org, xmpp:e@f.net/x, not x@y, and www.ex.com',
    '[a@b.co](https://e.org/) www&#46;example.com \\www.x.org',
  ];
  it.each(bodies)('gives the same tree as plain remark-gfm: %j', (md) => {
    expect(html(markdownToHast(md))).toBe(html(markdownToHastReference(md)));
  });
  it('still links email addresses when the body holds an @', () => {
    const tree = fromHtml(html(markdownToHast('write to someone@example.org today')), { fragment: true });
    expect(hrefs(tree)).toEqual(['mailto:someone@example.org']);
  });
  it('links www and http literals in bodies without an @', () => {
    const tree = fromHtml(html(markdownToHast('see www.example.com and https://example.org/x')), { fragment: true });
    expect(hrefs(tree)).toEqual(['http://www.example.com', 'https://example.org/x']);
  });
});

/** Markdown bodies of the real corpora in ../shared/corpora (read in place), when that folder is here. */
function corpusBodies(): Array<[string, string]> {
  const root = path.resolve(import.meta.dirname, '../../shared/corpora');
  if (!fs.existsSync(root)) return [];
  const out: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, d.name);
      if (d.isDirectory()) walk(abs);
      else if (/\.(md|markdown)$/.test(d.name)) out.push([path.relative(root, abs), fs.readFileSync(abs, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')]);
    }
  };
  walk(root);
  const pinboard = path.join(root, 'pinboard-json-optional-is/pinboard.json');
  if (fs.existsSync(pinboard)) {
    for (const [i, b] of (JSON.parse(fs.readFileSync(pinboard, 'utf8')) as Array<{ extended?: string }>).entries()) if (b.extended) out.push([`pinboard #${i}`, b.extended]);
  }
  return out;
}

/** Bodies made of the pieces the shortcuts decide on: @, www., http(s)://, their escapes and look-alikes, in every context. */
function generatedBodies(count: number): string[] {
  let seed = 42;
  const rnd = (k: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  const pieces = [
    'www.example.com', 'https://e.org/a_(b)', 'HTTP://X.Y/z.', 'a@b.co', 'x@y', 'mailto:c@d.org', 'xmpp:e@f.net/x', '&#64;', 'www&#46;x.org', '\\www.x.org',
    '`code @ www.x`', '*em*', '__strong__', '~~del~~', '[link](https://www.example.com/)', '[r][r]', '<span>raw</span>', '<b>x</b>', 'text', 'words here',
    '(www.p.q)', 'http://', 'www.', '@', 'www.a.b/c?d=e&f', '_www.x.y_', '<https://auto.link/>', 'foo@bar.baz.', 'a.b@c', '#', '!', '"quoted"',
  ];
  const joins = [' ', ' ', '\n', '\n\n', '\n> ', '\n- ', '\n| ', ' | ', '\n    ', '\n```\n'];
  return Array.from({ length: count }, () => {
    let s = '';
    for (let i = 0, n = 1 + rnd(12); i < n; i++) s += pieces[rnd(pieces.length)] + joins[rnd(joins.length)];
    return rnd(5) === 0 ? `${s}\n\n[r]: http://e.org/` : s;
  });
}

describe('markdownToHast: the GFM shortcuts give exactly the trees of plain remark-gfm', () => {
  const html = (tree: Root) => toHtml(tree);
  const corpus = corpusBodies();
  it.skipIf(corpus.length === 0)(`on every body of the real corpora (${corpus.length})`, () => {
    const differ = corpus.filter(([, md]) => html(markdownToHast(md)) !== html(markdownToHastReference(md))).map(([name]) => name);
    expect(differ).toEqual([]);
  });
  // CPU-bound: a loaded CI machine needs minutes, not the default minute.
  it('on 3,000 generated bodies', { timeout: 600_000 }, () => {
    const differ = generatedBodies(3000).filter((md) => html(markdownToHast(md)) !== html(markdownToHastReference(md)));
    expect(differ).toEqual([]);
  });
});
