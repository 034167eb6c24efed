/**
 * Files that are not what they seem (issue 19.3 "Files", issue 20 pts 12, 13, 16): special
 * files and links in content/, a cache that is a FIFO, a link to /dev/zero, a file or a
 * folder, a site folder that cannot be written, swapped files, and dev's fast path when a
 * body fails. Each is skipped and named (`path: message`), never a hang or a stack trace.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build, check } from '../src/build/index.js';
import { CACHE_DIR } from '../src/cache/store.js';
import { devBuilds } from '../src/dev/builds.js';
import { formatDiagnostic, type Diagnostic } from '../src/lib/diagnostics.js';
import { entry, makeSite as makeAnySite, snapshotTree, tempDir } from './helpers.js';

const makeSite = (files: Record<string, string>) => makeAnySite({ 'linklog.yaml': 'baseUrl: https://example.com/\n', ...files });
const where = (d: Diagnostic) => `${d.file} ${d.code}`;
const FM = { title: 'A', url: 'https://example.com/a', date: '2026-11-24' };
const mkfifo = (p: string) => execFileSync('mkfifo', [p]);

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.LINKLOG_FAULT;
});

describe('special files in content/ (issue 19.3 Files; issue 20 pts 12, 16)', () => {
  /** Every kind at once: a build must finish, name each, and build the rest. */
  function hostileSite(): { root: string; outside: string } {
    const root = makeSite({
      'content/a.md': entry(FM),
      'content/x.md/inside.md': entry({ ...FM, title: 'Inside a folder named x.md', url: 'https://example.com/inside' }),
      'notes/in-site.md': entry({ ...FM, title: 'Linked from inside the site', url: 'https://example.com/in' }),
    });
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.md'), entry({ ...FM, title: 'SECRET outside the site', url: 'https://example.com/secret' }));
    const c = (rel: string) => path.join(root, 'content', rel);
    fs.symlinkSync(path.join(outside, 'secret.md'), c('out.md'));
    fs.symlinkSync('../notes/in-site.md', c('in.md'));
    fs.symlinkSync('loop.md', c('loop.md'));
    fs.symlinkSync('loop-b.md', c('loop-a.md'));
    fs.symlinkSync('loop-a.md', c('loop-b.md'));
    fs.symlinkSync('..', c('up'));
    fs.symlinkSync(outside, c('elsewhere'));
    fs.symlinkSync('../notes', c('folder.md'));
    fs.symlinkSync('gone.md', c('dangling.md'));
    mkfifo(c('pipe.md'));
    mkfifo(path.join(root, 'fifo'));
    fs.symlinkSync('../fifo', c('to-fifo.md'));
    fs.writeFileSync(c('new\nline.md'), entry({ ...FM, url: 'https://example.com/nl' }));
    return { root, outside };
  }
  const EXPECTED = [
    ['content/dangling.md', 'a symbolic link to nothing'],
    ['content/elsewhere', 'a symbolic link out of the site (never followed)'],
    ['content/folder.md', 'a symbolic link to a folder (folders are never followed through links)'],
    ['content/loop-a.md', 'a symbolic link loop'],
    ['content/loop-b.md', 'a symbolic link loop'],
    ['content/loop.md', 'a symbolic link loop'],
    ['content/new\\nline.md', 'its name holds a line break or another control character; rename it'],
    ['content/out.md', 'a symbolic link out of the site (never followed)'],
    ['content/pipe.md', 'not a regular file (a FIFO, socket or device is never read)'],
    ['content/to-fifo.md', 'not a regular file (a FIFO, socket or device is never read)'],
    ['content/up', 'a symbolic link to a folder (folders are never followed through links)'],
  ].map(([file, why]) => `${file}: warning: skipped: ${why}`);

  it('build and check skip each, naming it on one line, and build the rest; nothing outside the site is read', async () => {
    const { root } = hostileSite();
    const lines = (ds: Diagnostic[]) => ds.map(formatDiagnostic);
    expect(lines(await check({ root }))).toEqual(EXPECTED);
    const r = await build({ root, cache: false });
    expect(lines(r.diagnostics)).toEqual(EXPECTED);
    expect(r.diagnostics.every((d) => d.code === 'source-skipped' && !d.file.includes('\n'))).toBe(true);
    expect(r.stats!.entries).toBe(3);
    const site = [...snapshotTree(path.join(root, '_site')).values()].join('\n');
    expect(site).toContain('Linked from inside the site');
    expect(site).toContain('Inside a folder named x.md');
    expect(site).not.toContain('SECRET');
    // Again, from the cache: the same warnings.
    await build({ root });
    expect(lines((await build({ root })).diagnostics)).toEqual(EXPECTED);
  });

  it('dev names them on its first build and when one appears later; it never blocks on a FIFO', async () => {
    const { root } = hostileSite();
    const dev = devBuilds({ root });
    const first = await dev.build();
    expect(first.diagnostics.map(formatDiagnostic)).toEqual(EXPECTED);
    mkfifo(path.join(root, 'content/later.md'));
    expect(dev.sourceChanged('content/later.md')).toBe('add');
    // An entry replaced by a link out of the site: its page goes, and it is named.
    fs.rmSync(path.join(root, 'content/a.md'));
    fs.symlinkSync('/etc/hostname', path.join(root, 'content/a.md'));
    expect(dev.sourceChanged('content/a.md')).toBe('change');
    const next = await dev.build();
    expect(next.diagnostics.map(where)).toEqual(
      expect.arrayContaining(['content/later.md source-skipped', 'content/a.md source-skipped']),
    );
    expect(next.stats!.entries).toBe(2);
  });

  it('an entry that cannot be read is an error naming it, and the old site stays', async () => {
    const root = makeSite({ 'content/a.md': entry(FM), 'content/b.md': entry({ ...FM, url: 'https://example.com/b' }) });
    await build({ root, cache: false });
    const before = snapshotTree(path.join(root, '_site'));
    // As root no mode keeps a file from being read: the open fails as it would for another user.
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      if (String(file).endsWith('content/b.md')) throw Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES' });
      return (open as (...a: unknown[]) => number)(file, ...rest);
    });
    fs.appendFileSync(path.join(root, 'content/b.md'), 'More.\n');
    const r = await build({ root, cache: false });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(['content/b.md: cannot be read (EACCES)']);
    expect(r.stats).toBeUndefined();
    expect(snapshotTree(path.join(root, '_site'))).toEqual(before);
  });
});

describe("dev's fast path when a body fails", () => {
  it('a commentary edit whose body is too slow falls back to the full build, which reports it; the fix is built', async () => {
    const root = makeSite({ 'content/a.md': entry(FM), 'content/b.md': entry({ ...FM, url: 'https://example.com/b' }) });
    const dev = devBuilds({ root, bodyTimeLimitMs: 500 });
    expect((await dev.build()).diagnostics).toEqual([]);
    // Same front matter, so the fast path takes it; '*_' × 60,000 takes far longer than 500 ms.
    fs.writeFileSync(path.join(root, 'content/a.md'), entry(FM, '*_'.repeat(60_000) + '\n'));
    dev.sourceChanged('content/a.md');
    const slow = await dev.build();
    expect(slow.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['content/a.md:6 body-too-slow']);
    expect(slow.stats).toBeUndefined();
    fs.writeFileSync(path.join(root, 'content/a.md'), entry(FM, 'Mended.\n'));
    dev.sourceChanged('content/a.md');
    const fixed = await dev.build();
    expect(fixed.diagnostics).toEqual([]);
    expect([...snapshotTree(path.join(root, '_site')).values()].join('\n')).toContain('Mended.');
  });
});

describe('a cache that is not what it seems (issue 20 pts 12, 16)', () => {
  const site = () => makeSite({ 'content/a.md': entry(FM), 'content/b.md': entry({ ...FM, url: 'https://example.com/b' }) });
  const cacheFiles = (root: string) => fs.readdirSync(path.join(root, CACHE_DIR)).filter((n) => n.endsWith('.bin'));

  it('a cache file that is a FIFO, a link to /dev/zero or a folder is ignored with a note, never read; the build is a fresh build', async () => {
    const root = site();
    await build({ root });
    const expected = snapshotTree(path.join(root, '_site'));
    const [fifo, zero, folder] = cacheFiles(root).sort();
    const at = (n: string) => path.join(root, CACHE_DIR, n);
    for (const n of [fifo, zero, folder]) fs.rmSync(at(n));
    mkfifo(at(fifo));
    fs.symlinkSync('/dev/zero', at(zero));
    fs.mkdirSync(at(folder));
    fs.appendFileSync(path.join(root, 'content/a.md'), 'More.\n');
    const r = await build({ root });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(
      expect.arrayContaining([
        `${CACHE_DIR}/${fifo}: warning: ignored, it is not a regular file`,
        `${CACHE_DIR}/${zero}: warning: ignored, it cannot be read (a symlink)`,
        `${CACHE_DIR}/${folder}: warning: ignored, it is not a regular file`,
      ]),
    );
    expect(r.diagnostics.every((d) => ['cache-ignored', 'cache-not-saved'].includes(d.code))).toBe(true);
    expect(snapshotTree(path.join(root, '_site')).get('2026/11/24/a/index.html')).toContain('More.');
    expect(snapshotTree(path.join(root, '_site')).size).toBe(expected.size);
  });

  it('a cache path that is a file, or a link to a folder outside the site: built without the cache, said once, nothing written through the link', async () => {
    for (const kind of ['file', 'link'] as const) {
      const root = site();
      const elsewhere = tempDir();
      if (kind === 'file') fs.writeFileSync(path.join(root, CACHE_DIR), 'not a folder');
      else fs.symlinkSync(elsewhere, path.join(root, CACHE_DIR));
      const r = await build({ root });
      expect(r.stats, kind).toBeDefined();
      expect(r.diagnostics.map(formatDiagnostic), kind).toEqual([
        `${CACHE_DIR}: warning: the cache was not saved (something else already stands there (EEXIST)); linklog builds without it, the next build does all the work again`,
      ]);
      expect(fs.readdirSync(elsewhere), kind).toEqual([]);
    }
  });

  it('a read-only site folder: built without the cache, and said so (the real errno, not ENOENT)', async () => {
    const root = site();
    const out = path.join(tempDir(), 'out');
    // As root no mode makes a folder read-only: mkdir fails as on a read-only mount, where
    // Node's recursive mkdir says ENOENT (seen on a tmpfs remounted ro) and a plain one EROFS.
    const mkdir = fs.mkdirSync;
    vi.spyOn(fs, 'mkdirSync').mockImplementation((p, options) => {
      if (String(p) !== path.join(root, CACHE_DIR)) return mkdir(p, options);
      const code = typeof options === 'object' && options?.recursive ? 'ENOENT' : 'EROFS';
      throw Object.assign(new Error(`${code}: mkdir '${String(p)}'`), { code, path: String(p) });
    });
    const r = await build({ root, out });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      `${CACHE_DIR}: warning: the cache was not saved (read-only file system (EROFS)); linklog builds without it, the next build does all the work again`,
    ]);
    expect(r.stats!.entries).toBe(2);
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(root, CACHE_DIR))).toBe(false);
  });
});

describe('a swapped file (issue 20 pt 13)', () => {
  it('two entries of one size and one mtime swapped with mv are both rebuilt', async () => {
    const root = makeSite({
      'content/a.md': entry({ ...FM, title: 'First' }, 'Text one.\n'),
      'content/b.md': entry({ ...FM, title: 'Other', url: 'https://example.com/b' }, 'Text two.\n'),
    });
    const a = path.join(root, 'content/a.md');
    const b = path.join(root, 'content/b.md');
    expect(fs.statSync(a).size).toBe(fs.statSync(b).size);
    const t = new Date('2026-11-24T12:00:00Z');
    fs.utimesSync(a, t, t);
    fs.utimesSync(b, t, t);
    await build({ root });
    const page = (slug: string) => snapshotTree(path.join(root, '_site')).get(`2026/11/24/${slug}/index.html`) ?? '';
    expect(page('a')).toContain('Text one.');
    // Swapped: each path now has the other's bytes, size and mtime (mv keeps them).
    fs.renameSync(a, `${a}.tmp`);
    fs.renameSync(b, a);
    fs.renameSync(`${a}.tmp`, b);
    const r = await build({ root });
    expect(r.stats!.parsed).toBe(2);
    expect(page('a')).toContain('Text two.');
    expect(page('b')).toContain('Text one.');
    const fresh = path.join(tempDir(), 'fresh');
    await build({ root, out: fresh, cache: false });
    const strip = (m: Map<string, string>) => (m.delete('.linklog-site'), m);
    expect(strip(snapshotTree(path.join(root, '_site')))).toEqual(strip(snapshotTree(fresh)));
  });
});

describe('import of a Netscape file with 1 MB attributes (issue 19.3 Import)', () => {
  it('reads it; each record the build would refuse (front matter over 256 KiB) is skipped and named; what it writes builds', async () => {
    const { runImport } = await import('../src/import/index.js');
    const root = makeSite({ 'content/.keep': '' });
    const file = path.join(tempDir(), 'big.html');
    const mb = 1024 * 1024;
    fs.writeFileSync(
      file,
      [
        '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
        '<DL><p>',
        `<DT><A HREF="https://a.example/${'a'.repeat(mb)}" ADD_DATE="1616337559">Huge url</A>`,
        `<DT><A HREF="https://b.example/" ADD_DATE="1616337559" TAGS="${'t,'.repeat(mb / 2)}" DATA-X="${'x'.repeat(mb)}">${'Title '.repeat(mb / 6)}</A>`,
        '<DT><A HREF="https://c.example/" ADD_DATE="1616337559">Plain</A>',
        '</DL>',
      ].join('\n'),
    );
    const s = await runImport({ source: file, root, now: Date.UTC(2026, 10, 28) });
    expect(s.imported).toBe(1);
    expect(s.errors.map((e) => e.message)).toEqual(Array(2).fill('the build would refuse it: front matter is 1024 KiB, more than the 256 KiB an entry may have'));
    const r = await build({ root, cache: false });
    expect(r.diagnostics).toEqual([]);
    expect(r.stats!.entries).toBe(1);
  });
});
