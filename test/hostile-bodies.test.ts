/**
 * Pathological Markdown bodies: each finishes or fails quickly, as an error naming the
 * file and line, in `build` and in `check` alike (issue 20 pt 7, issue 19.3).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../src/build/index.js';
import type { Diagnostic } from '../src/lib/diagnostics.js';
import { emptyBodies, renderBodies } from '../src/markdown/bodies.js';
import { MAX_BODY_BYTES, MAX_BODY_NESTING, scanBody } from '../src/parse/body.js';
import { loadSite } from '../src/build/index.js';
import { entry, makeSite as makeAnySite, runCli } from './helpers.js';

/** A site with a baseUrl, so the only problems are the bodies'. */
const makeSite = (files: Record<string, string>) => makeAnySite({ 'linklog.yaml': 'baseUrl: https://example.com/\n', ...files });
/** Far below the seconds '*_' × 60,000 takes, far above what a plain 20 KB body takes on a loaded machine. */
const LIMIT = 5_000;

const FM = { title: 'T', url: 'https://example.com/', date: '2026-11-24' };
/** The body starts on line 6 of a file made by entry(FM, body). */
const BODY_LINE = 6;
const where = (d: Diagnostic) => `${d.file}:${d.line} ${d.code}`;

const deep: Array<[string, string, number]> = [
  ["'>' × 50,000", '>'.repeat(50_000) + ' x\n', 0],
  ["'>' × 2,000", '>'.repeat(2_000) + ' x\n', 0],
  ["'> ' × 2,000 after a paragraph", 'Intro.\n\n' + '> '.repeat(2_000) + 'x\n', 2],
  ["'- ' × 2,000", '- '.repeat(2_000) + 'x\n', 0],
  ['a list nested 200 deep by indenting', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n') + '\n', MAX_BODY_NESTING],
  ["50,000 nested '['", '['.repeat(50_000) + 'x' + ']'.repeat(50_000) + '\n', 0],
  ["'*[' × 60,000", 'a\n' + '*['.repeat(60_000) + '\n', 1],
  ['2,000 nested <div>', '<div>'.repeat(2_000) + 'x' + '</div>'.repeat(2_000) + '\n', 0],
  ['2,000 nested <span> over lines', 'x\n' + '<span>\n'.repeat(2_000) + 'x\n', 1 + MAX_BODY_NESTING],
];

describe('the body scan', () => {
  it.each(deep)('%s is too deep, at its line', (_, body, line) => {
    const p = scanBody(body);
    expect(p?.code).toBe('body-too-deep');
    expect(p?.line).toBe(line);
  });

  it('megabytes of delimiters are too large', () => {
    expect(scanBody('*'.repeat(MAX_BODY_BYTES + 1))?.code).toBe('body-too-large');
    expect(scanBody('_*'.repeat(2 * 1024 * 1024))?.code).toBe('body-too-large');
    // Counted in UTF-8 bytes, not characters.
    expect(scanBody('é'.repeat(MAX_BODY_BYTES / 2 + 1))?.code).toBe('body-too-large');
  });

  it('leaves real commentary alone', () => {
    const ok = [
      '> quoted\n> > nested quote\n\n- a\n  - b\n    - c\n\n1. one\n2) two\n',
      '<div><p>para<p>another<br><img src="x"/></div>\n<details><summary>s</summary>x</details>\n',
      '[a [b] c](https://example.com/) and [^1] and \\[ escaped \\[\n\n[^1]: note\n',
      // Brackets do not carry over a blank line; closing tags never go below zero.
      '['.repeat(60) + '\n\n' + '['.repeat(60) + '\n' + '</div>'.repeat(500) + '\n',
      'a < b and 3 <4 and <!-- comment --> and <https://example.com/>\n',
      '```\n' + Array.from({ length: 50 }, (_, i) => `${' '.repeat(i * 2)}x`).join('\n') + '\n```\n',
    ];
    for (const body of ok) expect(scanBody(body), body).toBeUndefined();
  });
});

describe('pathological bodies in a site', () => {
  it('each deep or huge body is an error at its file and line, in check and in build, and nothing is written', async () => {
    const files: Record<string, string> = { 'content/fine.md': entry({ ...FM, url: 'https://example.com/fine' }, 'Fine.\n') };
    deep.forEach(([, body], i) => (files[`content/deep-${i}.md`] = entry({ ...FM, url: `https://example.com/${i}` }, body)));
    files['content/large.md'] = entry({ ...FM, url: 'https://example.com/large' }, '*_'.repeat(600_000));
    const root = makeSite(files);
    const expected = [
      ...deep.map(([, , line], i) => `content/deep-${i}.md:${BODY_LINE + line} body-too-deep`),
      `content/large.md:${BODY_LINE} body-too-large`,
    ].sort();
    expect((await check({ root })).map(where).sort()).toEqual(expected);
    const r = await build({ root, cache: false });
    expect(r.stats).toBeUndefined();
    expect(r.diagnostics.map(where).sort()).toEqual(expected);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
    // The CLI prints them as path:line: message and exits 1.
    const cli = await runCli(['build', '--root', root, '--no-cache']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`content/large.md:${BODY_LINE}: `);
    expect(cli.stderr).not.toMatch(/RangeError|\n\s+at /);
  });

  it('a slow body fails at its time limit, naming its file, in check and in build; the others render', async () => {
    const root = makeSite({
      'content/slow.md': entry(FM, '*_'.repeat(60_000) + '\n'),
      'content/long.md': entry({ ...FM, url: 'https://example.com/long' }, 'Plain words here. '.repeat(1_000) + '\n'),
    });
    const expected = [`content/slow.md:${BODY_LINE} body-too-slow`];
    expect((await check({ root, bodyTimeLimitMs: LIMIT })).map(where)).toEqual(expected);
    const r = await build({ root, cache: false, bodyTimeLimitMs: LIMIT });
    expect(r.diagnostics.map(where)).toEqual(expected);
    expect(r.stats).toBeUndefined();
  });

  it('a worker whose body is stopped is replaced, and the rest of its batch renders on the new one', async () => {
    const { site } = await loadSite({
      root: makeSite({
        'content/a.md': entry({ ...FM, url: 'https://example.com/a' }, 'Words. '.repeat(2_000) + '\n'),
        'content/b.md': entry({ ...FM, url: 'https://example.com/b' }, '*['.repeat(40) + '*_'.repeat(60_000) + '\n'),
        'content/c.md': entry({ ...FM, url: 'https://example.com/c' }, 'More words. '.repeat(2_000) + '\n'),
      }),
    });
    const bodies = emptyBodies();
    const r = await renderBodies(bodies, site!.entries, { settings: site!.settings, pipeline: 't', workers: 1, timeLimitMs: LIMIT });
    expect(r.failures.map((f) => `${f.entry.source} ${f.code}`)).toEqual(['content/b.md body-too-slow']);
    expect(r.rendered).toBe(2);
    expect([...bodies.byEntry.keys()].sort()).toEqual(['content/a.md', 'content/c.md']);
    expect(bodies.byEntry.get('content/c.md')!.html.page).toContain('More words.');
  });

  it('thousands of footnotes and link definitions render', async () => {
    const n = 1_000;
    const footnotes = Array.from({ length: n }, (_, i) => `x[^${i}]`).join('\n') + '\n\n' + Array.from({ length: n }, (_, i) => `[^${i}]: note ${i}`).join('\n');
    const defs = Array.from({ length: n }, (_, i) => `[l${i}]`).join('\n') + '\n\n' + Array.from({ length: n }, (_, i) => `[l${i}]: https://example.com/${i}`).join('\n');
    const root = makeSite({
      'content/footnotes.md': entry({ ...FM, url: 'https://example.com/f' }, footnotes + '\n'),
      'content/defs.md': entry({ ...FM, url: 'https://example.com/d' }, defs + '\n'),
    });
    const r = await build({ root, cache: false });
    expect(r.diagnostics).toEqual([]);
    const page = fs.readFileSync(path.join(root, '_site/2026/11/24/footnotes/index.html'), 'utf8');
    expect(page).toContain('note 999');
    expect(fs.readFileSync(path.join(root, '_site/2026/11/24/defs/index.html'), 'utf8')).toContain('href="/999"');
  });
});

describe('srcset (issue 20 pt 5)', () => {
  const ctx = { permalink: 'https://example.org/links/2026/11/26/x/', baseUrl: 'https://example.org/links/', basePath: '/links/', idPrefix: 'x-', embeds: [] };
  const srcsetOf = async (html: string) => {
    const { renderBody } = await import('../src/markdown/render-body.js');
    const r = renderBody(html, ctx);
    return [/srcset="([^"]*)"/.exec(r.page)?.[1], /srcset="([^"]*)"/.exec(r.feed)?.[1], r.page] as const;
  };

  it('a javascript: or data: candidate drops the srcset; src stays', async () => {
    for (const set of [
      'javascript:alert(1) 1x',
      'a.png 1x, javascript:alert(1) 2x',
      'JaVaScRiPt:alert(1)',
      ' data:image/svg+xml;base64,PHN2Zz4=,x 2x',
      'a.png 1x, data:image/png;base64,AAAA 2x',
      'vbscript:x 1x',
    ]) {
      const [page, feed, html] = await srcsetOf(`<img src="a.png" srcset="${set}">`);
      expect(page, set).toBeUndefined();
      expect(feed, set).toBeUndefined();
      expect(html).not.toMatch(/javascript|data:|vbscript/i);
      expect(html).toContain('<img src="/links/2026/11/26/x/a.png"');
    }
  });

  it('http(s) and relative candidates are resolved like src', async () => {
    const [page, feed] = await srcsetOf('<img src="a.png" srcset="a.png 1x, /b.png 2x,https://cdn.example.com/c.png?x=1,2 640w">');
    expect(page).toBe('https://example.org/links/2026/11/26/x/a.png 1x, /links/b.png 2x, https://cdn.example.com/c.png?x=1,2 640w'.replace('https://example.org/links/2026', '/links/2026'));
    expect(feed).toBe('https://example.org/links/2026/11/26/x/a.png 1x, https://example.org/links/b.png 2x, https://cdn.example.com/c.png?x=1,2 640w');
  });
});
