import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../src/build/index.js';
import { formatDiagnostic, type Diagnostic } from '../src/lib/diagnostics.js';
import { findPathClashes } from '../src/plan/clashes.js';
import { copyFixture, entry, makeSite, runCli, snapshotTree, tempDir } from './helpers.js';

/** Every problem of the invalid fixture: where, and which (codes are stable; wording is not tested). */
const EXPECTED = [
  ['content/bad-date.md:4', 'invalid-field'],
  ['content/bad-url.md:3', 'invalid-field'],
  ['content/bad-yaml.md:5', 'yaml'],
  ['content/empty.md:1', 'empty-file'],
  ['content/missing-title.md:1', 'missing-field'],
  ['content/no-front-matter.md:1', 'no-front-matter'],
  ['content/sub/clash.md:5', 'tag-slug-clash'],
  ['content/sub/dup-b.md:5', 'permalink-clash'],
  ['content/wrong-type.md:5', 'invalid-field'],
];
const placeAndCode = (d: Diagnostic) => [`${d.file}:${d.line}`, d.code];

describe('bad input', () => {
  it('check reports every problem of every file in one run, as path:line: message', async () => {
    const diagnostics = await check({ root: copyFixture('invalid') });
    expect(diagnostics.map(placeAndCode)).toEqual(EXPECTED);
    // Each one reads `path:line: message`.
    diagnostics.forEach((d, i) => expect(formatDiagnostic(d)).toMatch(new RegExp(`^${EXPECTED[i][0].replaceAll('.', '\\.')}: \\S`)));
  });

  it('the CLI prints them on stderr and exits 1, for check and for build', async () => {
    const root = copyFixture('invalid');
    for (const command of ['check', 'build']) {
      const r = await runCli([command, '--root', root]);
      expect(r.code, command).toBe(1);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('content/')).map((l) => l.split(': ')[0]), command).toEqual(EXPECTED.map(([place]) => place));
    }
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });

  it('a failed build leaves the old site whole', async () => {
    const root = makeSite({ 'content/a.md': entry({ title: 'A', url: 'https://example.com/a', date: '2026-11-24' }) });
    const out = path.join(root, '_site');
    expect((await build({ root })).stats).toBeDefined();
    const before = snapshotTree(out);
    fs.writeFileSync(path.join(root, 'content/b.md'), entry({ title: 'B', url: 'not a url', date: '2026-11-25' }));
    const r = await build({ root });
    expect(r.stats).toBeUndefined();
    expect(snapshotTree(out)).toEqual(before);
    expect(fs.readdirSync(root).sort()).toEqual(['.linklog-cache', '_site', 'content']);
  });

  it('a build that succeeds replaces the old site: removed entries disappear', async () => {
    const root = makeSite({
      'content/a.md': entry({ title: 'A', url: 'https://example.com/a', date: '2026-11-24', tags: 'gone' }),
      'content/b.md': entry({ title: 'B', url: 'https://example.com/b', date: '2026-11-25' }),
    });
    await build({ root });
    expect(fs.existsSync(path.join(root, '_site/tags/gone/index.html'))).toBe(true);
    fs.rmSync(path.join(root, 'content/a.md'));
    await build({ root });
    expect(fs.existsSync(path.join(root, '_site/tags/gone/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(root, '_site/2026/11/24/a/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(root, '_site/2026/11/25/b/index.html'))).toBe(true);
  });

  it('reports bad settings naming the key', async () => {
    const root = makeSite({ 'linklog.yaml': 'titel: x\nperPage: many\n', 'content/a.md': entry({ title: 'A', url: 'https://e.com/', date: '2026-11-24' }) });
    const r = await runCli(['build', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^linklog\.yaml:1: unknown setting 'titel'/m);
    expect(r.stderr).toMatch(/^linklog\.yaml:2: perPage must be a whole number above 0/m);
  });

  it('reports a template that does not compile, naming the file', async () => {
    const root = makeSite({
      'templates/tags.eta': '<% if ( { %>broken',
      'content/a.md': entry({ title: 'A', url: 'https://e.com/', date: '2026-11-24' }),
    });
    const r = await runCli(['build', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^templates\/tags\.eta:1: template does not compile/m);
  });

  it('refuses an output folder that would destroy the author’s files', async () => {
    const root = makeSite({ 'content/a.md': entry({ title: 'A', url: 'https://e.com/', date: '2026-11-24' }), 'notes/keep.txt': 'mine' });
    for (const out of [root, path.dirname(root), path.join(root, 'content'), path.join(root, 'content/x'), path.join(root, 'notes')]) {
      const r = await runCli(['build', '--root', root, '--out', out]);
      expect(r.code, out).toBe(2);
    }
    expect(fs.readFileSync(path.join(root, 'notes/keep.txt'), 'utf8')).toBe('mine');
    expect(fs.readFileSync(path.join(root, 'content/a.md'), 'utf8')).toContain('title: A');
  });

  it('writes only inside --out, whatever the tags and slugs say', async () => {
    const parent = tempDir();
    const root = path.join(parent, 'site');
    fs.mkdirSync(path.join(root, 'content'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'content/a.md'),
      entry({ title: 'A', url: 'https://e.com/', date: '2026-11-24', tags: '["../../../escape", "..", "/etc/passwd", "a\\\\b", "%2e%2e"]' }),
    );
    const r = await build({ root, out: path.join(parent, 'out') });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(fs.readdirSync(parent).sort()).toEqual(['out', 'site']);
    expect(fs.readdirSync(root).sort()).toEqual(['.linklog-cache', 'content']);
    const files = [...snapshotTree(path.join(parent, 'out')).keys()];
    expect(files.every((f) => !f.split('/').some((seg) => seg === '..' || seg === '.'))).toBe(true);
  });

  it('reports a page that would sit where another needs a folder', async () => {
    const root = makeSite({ 'content/index.html.md': entry({ title: 'A', url: 'https://e.com/', date: '2026-11-24', tags: 'index.html' }) });
    const r = await build({ root });
    expect(r.stats).toBeUndefined();
    // Both clashes, each at the line that makes it: the entry's slug (its file name: its date line) and its tag.
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(placeAndCode).sort()).toEqual([
      ['content/index.html.md:4', 'path-clash'],
      ['content/index.html.md:5', 'path-clash'],
    ]);
    // `check` is the build without the write: it finds them too.
    expect((await check({ root })).filter((d) => d.severity === 'error').map(placeAndCode).sort()).toEqual([
      ['content/index.html.md:4', 'path-clash'],
      ['content/index.html.md:5', 'path-clash'],
    ]);
  });

  it('reports a file of public/ without a dot where a page needs a folder, in check and build, and leaves the output as it was', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    const addPublic = () => {
      fs.writeFileSync(path.join(root, 'public/archive'), 'x\n');
      fs.mkdirSync(path.join(root, 'public/2026/11/24'), { recursive: true });
      fs.writeFileSync(path.join(root, 'public/2026/11/24/date-only'), 'x\n');
    };
    // Both in one run, each naming the file of public/ and the page that needs its place (with the line that makes it, where one does).
    const expected = [
      'public/2026/11/24/date-only: is a file where the site needs a folder: /2026/11/24/date-only/index.html (made by content/2026/11/date-only.md:4) cannot be written: move or rename it',
      'public/archive: is a file where the site needs a folder: /archive/index.html cannot be written: move or rename it',
    ];
    const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');
    const expectClashes = (ds: readonly Diagnostic[], what: string) => {
      expect(errors(ds).map((d) => d.code), what).toEqual(['path-clash', 'path-clash']);
      expect(errors(ds).map(formatDiagnostic), what).toEqual(expected);
    };
    // A first build: no output folder is made.
    addPublic();
    const first = await build({ root });
    expect(first.stats).toBeUndefined();
    expectClashes(first.diagnostics, 'first build');
    expectClashes(await check({ root }), 'check');
    expect(fs.existsSync(out)).toBe(false);
    // A rebuild over an existing output: it stays as it was, in build and check, from the API and the CLI.
    fs.rmSync(path.join(root, 'public/archive'));
    fs.rmSync(path.join(root, 'public/2026'), { recursive: true });
    expect((await build({ root })).stats).toBeDefined();
    const before = snapshotTree(out);
    addPublic();
    const again = await build({ root });
    expect(again.stats).toBeUndefined();
    expectClashes(again.diagnostics, 'rebuild');
    expectClashes(await check({ root }), 'check');
    for (const command of ['check', 'build']) {
      const r = await runCli([command, '--root', root]);
      expect(r.code, command).toBe(1);
      for (const line of expected) expect(r.stderr, command).toContain(`${line}\n`);
    }
    expect(snapshotTree(out)).toEqual(before);
  });

  it('finds every folder that is also a file among the planned paths, and nothing else', () => {
    const paths = ['index.html', 'feed.xml', 'tags/index.html', 'tags/index.html/index.html', 'tags/node.js/index.html', 'tags/feed.xml', 'tags/feed.xml/page/2/index.html', '2026/11/24/index.html', '2026/11/24/index.html/index.html', '2026/11/24/a/index.html'];
    expect(findPathClashes(paths)).toEqual([
      ['tags/index.html', 'tags/index.html/index.html'],
      ['tags/feed.xml', 'tags/feed.xml/page/2/index.html'],
      ['2026/11/24/index.html', '2026/11/24/index.html/index.html'],
    ]);
    // A file without a dot (one of public/) is looked up too.
    expect(findPathClashes(['CNAME', 'archive', 'archive/index.html', 'tags/index.html', 'a/b', 'a/b/c/index.html', 'ab/index.html'])).toEqual([
      ['archive', 'archive/index.html'],
      ['a/b', 'a/b/c/index.html'],
    ]);
  });
});
