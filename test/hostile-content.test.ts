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
      // the body's control characters, at the body's line (issue 18 pt 7)
      'content/hostile.md:8 body-control-char',
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

describe('dates at the ends of the calendar (issue 20 pt 6; issue 19.3)', () => {
  it('years 0001–0099 keep their four digits everywhere; outside 0001–9999, after the timezone, is an error at the date line', async () => {
    const e = (date: string, slug: string) => entry({ title: slug, url: `https://example.com/${slug}`, date }, 'x\n');
    const root = makeSite(
      {
        'content/y50.md': e('0050-06-01', 'y50'),
        'content/y50t.md': e('0050-06-01T10:00:00Z', 'y50t'),
        'content/y1.md': e('0001-01-01', 'y1'),
        'content/y9999.md': e('9999-12-31', 'y9999'),
        'content/gap.md': e('2026-03-29T01:30:00', 'gap'),
        'content/after.md': e('9999-12-31T23:59:59-12:00', 'after'),
        'content/before.md': e('0001-01-01T00:30:00+01:00', 'before'),
        'content/zero.md': e('0000-01-01', 'zero'),
        'content/feb30.md': e('2026-02-30', 'feb30'),
      },
      'timezone: Europe/Dublin\n',
    );
    const expected = ['after', 'before', 'feb30', 'zero'].map((s) => `content/${s}.md:4 invalid-field`);
    expect((await check({ root })).map(where)).toEqual(expected);
    for (const s of ['after', 'before', 'feb30', 'zero']) fs.rmSync(path.join(root, `content/${s}.md`));
    const r = await build({ root, cache: false });
    expect(r.diagnostics).toEqual([]);
    const out = path.join(root, '_site');
    for (const p of ['0050/06/01/y50/index.html', '0050/06/01/y50t/index.html', '0001/01/01/y1/index.html', '9999/12/31/y9999/index.html', '2026/03/29/gap/index.html']) {
      expect(fs.existsSync(path.join(out, p)), p).toBe(true);
    }
    expect(fs.readdirSync(out).filter((f) => /^\d+$/.test(f)).sort()).toEqual(['0001', '0050', '2026', '9999']);
    const published = children(child(readXml(out, 'feed.xml'), 'feed')!, 'entry').map((x) => xtext(child(x, 'published')));
    for (const p of published) expect(p).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(published).toContain('0050-06-01T10:00:00Z');
    // The skipped wall-clock time of the DST jump resolves to the later side: 02:30 IST is 01:30Z.
    expect(published).toContain('2026-03-29T01:30:00Z');
  });
});

describe('messages that name the right place (issue 20 pt 16)', () => {
  const site = (files: Record<string, string | Buffer>) => {
    const root = makeSite({ 'content/a.md': entry({ title: 'A', url: 'https://example.com/a', date: '2026-11-24' }) });
    for (const [rel, data] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), data);
    }
    return root;
  };

  it.each([
    ['a run-time error in a partial', '<p>\n<%= it.entry.title %>\n<%= it.entry.nope.x %>\n</p>\n', 'templates/_entry.eta:3 template-runtime'],
    ['an unclosed tag', '<p>\n<%= it.entry.title \n\n</p>\n', 'templates/_entry.eta:2 template-compile'],
    ['a JavaScript syntax error', '<p>\n<%= it.entry.title %>\n<% if (x { %>\n</p>\n', 'templates/_entry.eta:3 template-compile'],
  ])('%s is reported at the site template and line', async (_, text, expected) => {
    const root = site({ 'templates/_entry.eta': text });
    expect((await check({ root })).map(where)).toEqual([expected]);
    expect((await build({ root, cache: false })).diagnostics.map(where)).toEqual([expected]);
  });

  it('invalid UTF-8 at its line; UTF-16 with or without a byte-order mark at line 1', async () => {
    const text = '---\ntitle: T\nurl: https://example.com/u\ndate: 2026-11-24\n---\nfine\n';
    const root = site({
      'content/bad.md': Buffer.concat([Buffer.from(text), Buffer.from('bad \xff\xfe here\n', 'latin1')]),
      'content/utf16.md': Buffer.from(`\ufeff${text.replace('/u', '/v')}`, 'utf16le'),
      'content/utf16-no-bom.md': Buffer.from(text.replace('/u', '/w'), 'utf16le'),
      'content/utf16be.md': Buffer.from(`\ufeff${text.replace('/u', '/x')}`, 'utf16le').swap16(),
    });
    expect((await check({ root })).map(where)).toEqual(['content/bad.md:7 not-utf8', 'content/utf16-no-bom.md:1 not-utf8', 'content/utf16.md:1 not-utf8', 'content/utf16be.md:1 not-utf8']);
  });
});

describe('every front-matter key, wrong, empty or holding NUL (issue 19.3)', () => {
  const base: Record<string, string> = { title: 'T', url: 'https://example.com/k', date: '2026-11-24' };
  const cases: Array<[key: string, value: string, code: string | undefined]> = [
    ['title', '[a, b]', 'invalid-field'],
    ['title', '{a: 1}', 'invalid-field'],
    ['title', '""', 'invalid-field'],
    ['title', '"a\\0b"', 'not-xml-text'],
    ['url', '[a]', 'invalid-field'],
    ['url', '""', 'invalid-field'],
    ['url', '"https://example.com/\\0"', undefined],
    ['url', '"javascript:alert(1)"', 'invalid-field'],
    ['date', '{a: 1}', 'invalid-field'],
    ['date', '""', 'invalid-field'],
    ['date', '"2026-11-24\\0"', 'invalid-field'],
    ['tags', '{a: 1}', 'invalid-field'],
    ['tags', '""', undefined],
    ['tags', '"a\\0b"', 'not-xml-text'],
    ['via', '[1]', 'invalid-field'],
    ['via', '""', undefined],
    ['via', '"a\\0b"', 'not-xml-text'],
    ['updated', '[1]', 'invalid-field'],
    ['updated', '""', 'invalid-field'],
    ['draft', '"yes"', 'invalid-field'],
    ['draft', '""', 'invalid-field'],
    ['slug', '[a]', 'invalid-field'],
    ['slug', '""', 'invalid-field'],
    ['slug', '"a\\0b"', 'invalid-field'],
    ['slug', '"../x"', 'invalid-field'],
  ];

  it('each is an error or warning at the key line, or accepted, in one check run', async () => {
    const files: Record<string, string> = {};
    cases.forEach(([key, value], i) => {
      // The key under test goes last: line 4 for title, url and date (moved there), else 5.
      const fm = { ...base, url: `https://example.com/${i}` };
      delete (fm as Record<string, string>)[key];
      files[`content/c${String(i).padStart(2, '0')}.md`] = entry({ ...fm, [key]: value });
    });
    const root = makeSite(files);
    const found = await check({ root });
    const got = cases.map((_, i) => {
      const d = found.filter((x) => x.file === `content/c${String(i).padStart(2, '0')}.md`);
      return d.map((x) => `${x.line} ${x.code}`).join(', ');
    });
    expect(got).toEqual(cases.map(([key, , code]) => (code ? `${key in base ? 4 : 5} ${code}` : '')));
  });
});

describe('huge values and odd tags (issue 19.3 Content)', () => {
  it('a 1 MB title and a 10 MB front matter are an error at line 1; punctuation- or emoji-only tags and NFD/NFC forms of one tag', async () => {
    const root = makeSite({
      'content/big-title.md': entry({ title: 'x'.repeat(1024 * 1024), url: 'https://example.com/t', date: '2026-11-24' }),
      'content/big-fm.md': entry({ title: 'T', url: 'https://example.com/f', date: '2026-11-24', notes: `"${'y'.repeat(10 * 1024 * 1024)}"` }),
      'content/punct.md': entry({ title: 'P', url: 'https://example.com/p', date: '2026-11-24', tags: '["!!!", "...", "c++"]' }),
      'content/emoji.md': entry({ title: 'E', url: 'https://example.com/e', date: '2026-11-24', tags: '["🎉", "🎉🎉"]' }),
      'content/nfc.md': entry({ title: 'N', url: 'https://example.com/n', date: '2026-11-24', tags: `["caf\u00e9"]` }),
      'content/nfd.md': entry({ title: 'D', url: 'https://example.com/d', date: '2026-11-24', tags: `["cafe\u0301"]` }),
    });
    const found = await check({ root });
    expect(found.map(where)).toEqual(['content/big-fm.md:1 front-matter-too-large', 'content/big-title.md:1 front-matter-too-large']);
    fs.rmSync(path.join(root, 'content/big-fm.md'));
    fs.rmSync(path.join(root, 'content/big-title.md'));
    const r = await build({ root, cache: false });
    expect(r.diagnostics).toEqual([]);
    // Tags with no letter or digit get their code points as slug; NFD and NFC spellings are one tag.
    const tags = JSON.parse(fs.readFileSync(path.join(root, '_site/tags.json'), 'utf8')) as Array<{ name: string; slug: string; count: number }>;
    expect(tags.map((t) => `${t.name} ${t.slug} ${t.count}`).sort()).toEqual(['!!! u21-21-21 1', '... u2e-2e-2e 1', 'c++ c++ 1', 'café café 2', '🎉 u1f389 1', '🎉🎉 u1f389-1f389 1']);
    for (const t of tags) expect(fs.existsSync(path.join(root, '_site/tags', t.slug, 'index.html')), t.slug).toBe(true);
  });
});
