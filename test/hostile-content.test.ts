/**
 * Hostile front matter: characters XML cannot carry, `]]>`, years 1–99 and past 9999,
 * too many tags, values of the wrong kind (issue 20 pts 4, 6, 8, 17; issue 19.3).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../src/build/index.js';
import type { Diagnostic } from '../src/lib/diagnostics.js';
import { entry, makeSite as makeAnySite, readXml, child, children, xtext } from './helpers.js';

const makeSite = (files: Record<string, string>, yaml = '') => makeAnySite({ 'linklog.yaml': `baseUrl: https://example.com/\n${yaml}`, ...files });
const where = (d: Diagnostic) => `${d.file}:${d.line} ${d.code}`;
const CHECK_ATOM = '/work/shared/tools/check-atom';

function checkAtom(files: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => execFile(CHECK_ATOM, files, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr })));
}

describe('text feeds cannot carry (issue 20 pt 4)', () => {
  const files = {
    'content/hostile.md': [
      '---',
      'title: "A ]]> title \\x01 with \\e controls \\uFFFE \\uFFFF \\uD800 and a lone half"',
      'url: https://example.com/a?x=]]>',
      'date: 2026-11-24',
      'tags: ["x\\x01y", "a]]>b", "\\uDC00ok"]',
      'via: "Someone ]]> \\x02 else"',
      '---',
      'Commentary with ]]> in text, a \x01 control, \uFFFF and <b>]]></b> in HTML.',
      '',
      '```',
      'code ]]> too',
      '```',
      '',
    ].join('\n'),
    'content/hostile-via.md': entry({ title: '"B ]]>"', url: 'https://example.com/b', date: '2026-11-24', via: '{name: "N \\x03 ]]>", url: "https://example.com/v?]]>"}' }),
  };

  it('strips them with a warning naming the key, escapes > in text, and every feed is well-formed Atom', async () => {
    const root = makeSite(files);
    const r = await build({ root, cache: false });
    expect(r.stats).toBeDefined();
    expect(r.diagnostics.map(where)).toEqual([
      'content/hostile-via.md:5 not-xml-text',
      'content/hostile.md:2 not-xml-text',
      'content/hostile.md:5 not-xml-text',
      'content/hostile.md:6 not-xml-text',
    ]);
    const out = path.join(root, '_site');
    const feeds = ['feed.xml', 'daily.xml', 'tags/xy/feed.xml', 'tags/ok/feed.xml'];
    for (const f of feeds) {
      const xml = fs.readFileSync(path.join(out, f), 'utf8');
      // In text, never (it ends no CDATA section: it is not well-formed); in attribute values it is fine.
      expect(xml.replace(/="[^"]*"/g, '=""'), f).not.toContain(']]>');
      expect(xml, f).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/);
    }
    const feed = readXml(out, 'feed.xml');
    const entries = children(child(feed, 'feed')!, 'entry');
    const titles = entries.map((e) => xtext(child(e, 'title')));
    expect(titles).toContain('A ]]> title  with  controls    and a lone half');
    expect(entries.flatMap((e) => children(e, 'category').map((c) => c.attributes.term))).toEqual(expect.arrayContaining(['xy', 'a]]>b', 'ok']));
    const html = entries.map((e) => xtext(child(e, 'content'))).join('\n');
    expect(html).toContain('Commentary with ]]> in text, a  control,  and <b>]]></b>');
    if (!fs.existsSync(CHECK_ATOM)) return void console.warn(`skipping check-atom: ${CHECK_ATOM} is not here`);
    const v = await checkAtom(feeds.map((f) => path.join(out, f)));
    expect(v.out).not.toMatch(/error/i);
    expect(v.code).toBe(0);
  });
});

describe('front-matter values (issue 20 pts 8, 17; issue 19.3)', () => {
  it('refuses more tags than maxTagsPerEntry (default 100) at the tags line, in check and build', async () => {
    const many = (n: number) => `[${Array.from({ length: n }, (_, i) => `t${i}`).join(', ')}]`;
    const root = makeSite({
      'content/ok.md': entry({ title: 'Ok', url: 'https://example.com/ok', date: '2026-11-24', tags: many(100) }),
      'content/many.md': entry({ title: 'Many', url: 'https://example.com/m', date: '2026-11-24', tags: many(10_000) }),
    });
    expect((await check({ root })).map(where)).toEqual(['content/many.md:5 too-many-tags']);
    expect((await build({ root, cache: false })).diagnostics.map(where)).toEqual(['content/many.md:5 too-many-tags']);
    fs.writeFileSync(path.join(root, 'linklog.yaml'), 'baseUrl: https://example.com/\nmaxTagsPerEntry: 5\n');
    expect((await check({ root })).map(where)).toEqual(['content/many.md:5 too-many-tags', 'content/ok.md:5 too-many-tags']);
    fs.writeFileSync(path.join(root, 'linklog.yaml'), 'baseUrl: https://example.com/\nmaxTagsPerEntry: 0\n');
    expect((await check({ root })).map((d) => d.code)).toContain('invalid-setting');
  });

  it('does not read .nan or .inf as a title, and warns of credentials in a url', async () => {
    const root = makeSite({
      'content/nan.md': entry({ title: '.nan', url: 'https://example.com/n', date: '2026-11-24' }),
      'content/inf.md': entry({ title: '-.inf', url: 'https://example.com/i', date: '2026-11-24' }),
      'content/num.md': entry({ title: '1984', url: 'https://user:secret@example.com/x', date: '2026-11-24' }),
    });
    expect((await check({ root })).map(where)).toEqual(['content/inf.md:2 invalid-field', 'content/nan.md:2 invalid-field', 'content/num.md:3 url-credentials']);
  });
});
