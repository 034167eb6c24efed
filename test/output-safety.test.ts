/**
 * The output folder's safety (issue 20, points 1–3): only files linklog wrote are removed
 * or replaced; no symlink on an output path is followed; an update is whole (a fault or a
 * kill before its commit point leaves the old site, after it the next build finishes it);
 * one writer at a time. Faults are injected with LINKLOG_FAULT (src/write/faults.ts).
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { lockFileOf, lockOutput } from '../src/write/lock.js';
import { MARKER } from '../src/write/out-dir.js';
import { pendingFileOf } from '../src/write/pending.js';
import { CLI, copyFixture, entry, snapshotTree, tempDir, type RunResult } from './helpers.js';

const errors = (r: Awaited<ReturnType<typeof build>>) => r.diagnostics.filter((d) => d.severity === 'error');
const codes = (r: Awaited<ReturnType<typeof build>>) => errors(r).map((d) => d.code);

const write = (root: string, rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};

/** The CLI with extra environment; `signal` is set when the process was killed. */
function cli(args: string[], env: Record<string, string> = {}): Promise<RunResult & { signal: string | null }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number; signal?: string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

async function freshBuild(root: string): Promise<Map<string, string>> {
  const out = path.join(tempDir(), 'site');
  const r = await build({ root, out, cache: false });
  expect(errors(r).map(formatDiagnostic)).toEqual([]);
  return snapshotTree(out);
}

/** Edits that touch many files of the basic fixture: a body, a new entry with a new tag, an entry removed. */
function bigEdit(root: string): void {
  write(root, 'content/2026/11/date-only.md', entry({ title: 'Date only', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }, 'Changed words.\n'));
  write(root, 'content/new.md', entry({ title: 'New', url: 'https://example.com/new', date: '2026-10-01T10:00:00Z', tags: '[brand-new, web]' }));
  fs.rmSync(path.join(root, 'content/2026/11/escaping.md'));
  write(root, 'linklog.yaml', fs.readFileSync(path.join(root, 'linklog.yaml'), 'utf8').replace('perPage: 2', 'perPage: 3'));
}

describe('a rebuild touches only what linklog wrote', () => {
  it('leaves a git repository and a CNAME in the output alone, and still removes its own stale pages', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    expect(errors(await build({ root }))).toEqual([]);
    // A gh-pages checkout: a repository with a commit, and a CNAME beside the pages.
    fs.writeFileSync(path.join(out, 'CNAME'), 'links.example.org\n');
    const git = (...args: string[]) => execFileSync('git', ['-C', out, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'deploy');
    const head = git('rev-parse', 'HEAD');
    const gitFiles = [...snapshotTree(path.join(out, '.git')).keys()];
    bigEdit(root);
    const r = await build({ root });
    expect(errors(r)).toEqual([]);
    expect(r.stats!.removed).toContain('2026/11/26/escaping/index.html');
    expect(r.stats!.removed.some((p) => p.startsWith('.git') || p === 'CNAME')).toBe(false);
    expect(fs.readFileSync(path.join(out, 'CNAME'), 'utf8')).toBe('links.example.org\n');
    expect(git('rev-parse', 'HEAD')).toBe(head);
    for (const rel of gitFiles) expect(fs.existsSync(path.join(out, '.git', rel)), rel).toBe(true);
    const tree = snapshotTree(out);
    for (const rel of [...tree.keys()]) if (rel === 'CNAME' || rel.startsWith('.git/')) tree.delete(rel);
    expect(tree).toEqual(await freshBuild(root));
    // Without the cache too: the record is the marker in the output.
    fs.rmSync(path.join(root, 'content/new.md'));
    expect(errors(await build({ root, cache: false }))).toEqual([]);
    expect(fs.existsSync(path.join(out, 'tags/brand-new'))).toBe(false);
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(fs.existsSync(path.join(out, 'CNAME'))).toBe(true);
  });

  it('refuses a file it did not write where a planned page goes, naming it, and changes nothing', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    await build({ root });
    fs.mkdirSync(path.join(out, '2026/10/01/new'), { recursive: true });
    fs.writeFileSync(path.join(out, '2026/10/01/new/index.html'), 'mine');
    fs.writeFileSync(path.join(out, 'tags/web/brand-new'), 'a file where a folder goes? no: a sibling');
    const before = snapshotTree(out);
    bigEdit(root);
    const r = await build({ root });
    expect(r.stats).toBeUndefined();
    expect(codes(r)).toEqual(['output-blocked']);
    expect(formatDiagnostic(errors(r)[0])).toMatch(/^_site\/2026\/10\/01\/new\/index\.html: a file linklog did not write stands where a planned file goes/);
    expect(snapshotTree(out)).toEqual(before);
    expect(fs.existsSync(pendingFileOf(out))).toBe(false);
    // Moved away, the build goes through.
    fs.rmSync(path.join(out, '2026/10/01/new/index.html'));
    expect(errors(await build({ root }))).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'tags/web/brand-new'), 'utf8')).toMatch(/^a file/);
  });

  it('with no record of what it wrote (an older, empty marker and no cache), writes its pages over and removes nothing', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    await build({ root, cache: false });
    fs.writeFileSync(path.join(out, MARKER), '');
    fs.writeFileSync(path.join(out, 'extra.html'), 'mine');
    bigEdit(root);
    const r = await build({ root, cache: false });
    expect(errors(r)).toEqual([]);
    expect(r.stats!.removed).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'extra.html'), 'utf8')).toBe('mine');
    // The stale page of the removed entry stays (it cannot be told from the author's files) …
    expect(fs.existsSync(path.join(out, '2026/11/26/escaping/index.html'))).toBe(true);
    // … and every planned page is the new one; the marker now holds the record.
    const fresh = await freshBuild(root);
    const tree = snapshotTree(out);
    for (const [rel, text] of fresh) expect(tree.get(rel), rel).toBe(text);
  });
});

describe('no symlink on an output path is followed', () => {
  it('refuses a folder of the output replaced by a symlink, naming it, and writes nothing through it', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    await build({ root });
    const elsewhere = path.join(tempDir(), 'elsewhere');
    fs.cpSync(path.join(out, '2026/11'), elsewhere, { recursive: true });
    fs.rmSync(path.join(out, '2026/11'), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(out, '2026/11'));
    const victim = snapshotTree(elsewhere);
    write(root, 'content/2026/11/date-only.md', entry({ title: 'Date only', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }, 'Changed words.\n'));
    write(root, 'content/2026/11/brand-new.md', entry({ title: 'Brand new', url: 'https://example.com/bn', date: '2026-11-26' }));
    const r = await build({ root });
    expect(codes(r)).toContain('output-blocked');
    expect(errors(r).map(formatDiagnostic)).toContainEqual(expect.stringMatching(/^_site\/2026\/11: a symlink stands where linklog needs a folder/));
    expect(snapshotTree(elsewhere)).toEqual(victim);
    expect(fs.lstatSync(path.join(out, '2026/11')).isSymbolicLink()).toBe(true);
    // Removed, the next build makes the folder anew.
    fs.rmSync(path.join(out, '2026/11'));
    expect(errors(await build({ root }))).toEqual([]);
    expect(snapshotTree(out)).toEqual(await freshBuild(root));
    expect(snapshotTree(elsewhere)).toEqual(victim);
  });
});

describe('an update of the output is whole', () => {
  it('a full disk before the commit point: a one-line error, the old site as it was, nothing left beside it', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    await build({ root });
    const before = snapshotTree(out);
    bigEdit(root);
    for (const fault of ['ENOSPC:pending:1', 'ENOSPC:pending:5', 'EROFS:pending:2']) {
      const r = await cli(['build', '--root', root], { LINKLOG_FAULT: fault });
      expect(r.code, fault).toBe(1);
      expect(r.stderr, fault).not.toMatch(/\n\s+at /);
      expect(r.stderr, fault).toMatch(/\.linklog-pending: could not write the pending update: (no space left on the device \(ENOSPC\)|read-only file system \(EROFS\))\n/);
      expect(r.stderr, fault).toMatch(/the output folder was not changed\n$/);
      expect(snapshotTree(out), fault).toEqual(before);
      expect(fs.readdirSync(root).sort(), fault).toEqual(['.linklog-cache', '_site', 'content', 'linklog.yaml', 'public']);
    }
    expect((await cli(['build', '--root', root])).code).toBe(0);
    expect(snapshotTree(out)).toEqual(await freshBuild(root));
  });

  it('a fault after the commit point says the output changed, and the next build finishes the update', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    await build({ root });
    bigEdit(root);
    const r = await cli(['build', '--root', root], { LINKLOG_FAULT: 'EIO:apply:4' });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/could not update: input\/output error \(EIO\)\n/);
    expect(r.stderr).toMatch(/the output folder was partly updated: the next build finishes the update first\n$/);
    expect(fs.existsSync(pendingFileOf(out))).toBe(true);
    const next = await build({ root });
    expect(errors(next)).toEqual([]);
    expect(next.diagnostics.map((d) => d.code)).toContain('output-recovered');
    expect(fs.existsSync(pendingFileOf(out))).toBe(false);
    expect(snapshotTree(out)).toEqual(await freshBuild(root));
  });

  it('kill -9 at any moment of the write: before the commit point the old site, after it the next build gives a fresh build', async () => {
    const killedAt: string[] = [];
    for (const fault of ['kill:cache:1', 'kill:cache:3', 'kill:pending:1', 'kill:pending:6', 'kill:apply:1', 'kill:apply:3', 'kill:apply:8', 'kill:apply:14']) {
      const root = copyFixture('basic');
      const out = path.join(root, '_site');
      await build({ root });
      const old = snapshotTree(out);
      bigEdit(root);
      const r = await cli(['build', '--root', root], { LINKLOG_FAULT: fault });
      if (r.signal !== 'SIGKILL') continue; // fewer operations than that: it finished
      killedAt.push(fault);
      if (!fault.includes(':apply:')) expect(snapshotTree(out), fault).toEqual(old);
      const next = await cli(['build', '--root', root]);
      expect(next.code, `${fault}\n${next.stderr}`).toBe(0);
      expect(snapshotTree(out), fault).toEqual(await freshBuild(root));
      expect(fs.readdirSync(root).filter((n) => /linklog-(pending|new|lock)/.test(n)), fault).toEqual([]);
      expect(fs.readdirSync(path.join(root, '.linklog-cache')).filter((n) => n.endsWith('.tmp')), fault).toEqual([]);
    }
    expect(killedAt.length).toBeGreaterThanOrEqual(7);
  }, 300_000);

  it('a new output folder that fails to be written leaves no output and nothing beside it', async () => {
    const root = copyFixture('basic');
    const r = await cli(['build', '--root', root], { LINKLOG_FAULT: 'ENOSPC:stage:3' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^_site\/.*: could not write: no space left on the device \(ENOSPC\)$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(root).filter((n) => n.includes('site'))).toEqual([]);
  });
});

describe('one writer per output folder', () => {
  it('refuses a second build while another linklog holds the output, naming it; takes over a lock whose process is gone', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    const release = lockOutput(out, 'linklog dev');
    const r = await build({ root });
    expect(codes(r)).toEqual(['output-locked']);
    expect(formatDiagnostic(errors(r)[0])).toMatch(new RegExp(`^\\.?_site\\.linklog-lock|another linklog \\(linklog dev, pid ${process.pid}`));
    expect(fs.existsSync(out)).toBe(false);
    const c = await cli(['build', '--root', root]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(`is being written by another linklog (linklog dev, pid ${process.pid}`);
    release();
    expect(fs.existsSync(lockFileOf(out))).toBe(false);
    // A lock left by a process that is gone (kill -9): taken over.
    const dead = execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).trim();
    fs.writeFileSync(lockFileOf(out), JSON.stringify({ pid: Number(dead), command: 'linklog build', host: (await import('node:os')).hostname(), since: 'then' }));
    expect(errors(await build({ root }))).toEqual([]);
    expect(fs.existsSync(lockFileOf(out))).toBe(false);
  });
});
