import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../src/build.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { findPathClashes } from '../src/render/index.js';
import { copyFixture, entry, makeSite, runCli, snapshotTree, tempDir } from './helpers.js';

const EXPECTED = [
  "content/bad-date.md:4: date '2026-13-01' is not a calendar date",
  "content/bad-url.md:3: url 'javascript:alert(1)' must be an http or https URL, not javascript:",
  'content/bad-yaml.md:6: invalid YAML in front matter: unexpected end of the stream within a flow collection',
  'content/empty.md:1: empty file: an entry needs front matter (title, url, date) between --- lines',
  'content/missing-title.md:1: missing title',
  'content/no-front-matter.md:1: no front matter: an entry starts with a line ---, then title:, url: and date: lines, then ---',
  "content/sub/clash.md:5: tag 'seen?' and tag 'seen' (in content/dup-a.md) would share the page /tags/seen/: spell them alike or rename one",
  'content/sub/dup-b.md:5: same permalink /2026/11/24/same/ as content/dup-a.md: give one of them another slug: or date:',
  'content/wrong-type.md:5: tags must be a list or a space-separated string, not a mapping',
];

describe('bad input', () => {
  it('check reports every problem of every file in one run, as path:line: message', async () => {
    const diagnostics = await check({ root: copyFixture('invalid') });
    expect(diagnostics.map(formatDiagnostic)).toEqual(EXPECTED);
  });

  it('the CLI prints them on stderr and exits 1, for check and for build', async () => {
    const root = copyFixture('invalid');
    for (const command of ['check', 'build']) {
      const r = await runCli([command, '--root', root]);
      expect(r.code, command).toBe(1);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('content/'))).toEqual(EXPECTED);
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
    expect(r.stderr).toMatch(/^templates\/tags\.eta: template does not compile/m);
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
    expect(r.diagnostics.map(formatDiagnostic).join('\n')).toMatch(/cannot be written because \/(2026\/11\/24|tags)\/index\.html is a page/);
  });

  it('finds every folder that is also a file among the planned paths, and nothing else', () => {
    const paths = ['index.html', 'feed.xml', 'tags/index.html', 'tags/index.html/index.html', 'tags/node.js/index.html', 'tags/feed.xml', 'tags/feed.xml/page/2/index.html', '2026/11/24/index.html', '2026/11/24/index.html/index.html', '2026/11/24/a/index.html'];
    expect(findPathClashes(paths)).toEqual([
      ['tags/index.html', 'tags/index.html/index.html'],
      ['tags/feed.xml', 'tags/feed.xml/page/2/index.html'],
      ['2026/11/24/index.html', '2026/11/24/index.html/index.html'],
    ]);
  });
});
