/** The build stamp: `/build.json`, the generator meta on every page, `linklog --version`. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { VERSION } from '../src/lib/package.js';
import { readGitState } from '../src/load/git.js';
import { $, attr, copyFixture, readHtml, REPO, runCli, snapshotTree, tempDir } from './helpers.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();

function gitSite(): string {
  const root = copyFixture('basic');
  fs.writeFileSync(path.join(root, '.gitignore'), '_site/\n.linklog-cache/\n');
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'first');
  return root;
}

const stampOf = (out: string) => JSON.parse(fs.readFileSync(path.join(out, 'build.json'), 'utf8'));

describe('build stamp', () => {
  it('writes build.json with the version, content hash and counts, and no git outside a repository', async () => {
    const root = copyFixture('basic');
    const out = path.join(tempDir(), 'site');
    await build({ root, out, cache: false });
    const stamp = stampOf(out);
    expect(stamp).toMatchObject({ generator: 'linklog', version: VERSION, entries: 5 });
    expect(stamp.git).toBeUndefined();
    expect(stamp.content).toMatch(/^[\w-]{20,}$/);
    const pages = [...snapshotTree(out).keys()].filter((p) => p.endsWith('.html'));
    expect(stamp.pages).toBe(pages.length);
    expect(JSON.stringify(stamp)).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  it('puts <meta name="generator" content="linklog X.Y.Z"> on every page', async () => {
    const root = copyFixture('basic');
    const out = path.join(tempDir(), 'site');
    await build({ root, out, cache: false });
    const pages = [...snapshotTree(out).keys()].filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) expect(attr($(readHtml(out, p), 'meta[name="generator"]'), 'content'), p).toBe(`linklog ${VERSION}`);
  });

  it('records the commit and a clean work tree; an edit makes it unclean; two builds of one commit are byte-identical', async () => {
    const root = gitSite();
    const head = git(root, 'rev-parse', 'HEAD');
    const a = path.join(tempDir(), 'a');
    const b = path.join(tempDir(), 'b');
    await build({ root, out: a, cache: false });
    await build({ root, out: b, cache: false });
    expect(stampOf(a).git).toEqual({ commit: head, branch: 'main', clean: true });
    expect(snapshotTree(a)).toEqual(snapshotTree(b));

    // The default output and cache inside the repository do not make it unclean (they are ignored or excluded).
    fs.rmSync(path.join(root, '.gitignore'));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'no ignore file');
    await build({ root });
    await build({ root });
    expect(stampOf(path.join(root, '_site')).git.clean).toBe(true);

    fs.appendFileSync(path.join(root, 'linklog.yaml'), '\n# an edit\n');
    await build({ root });
    expect(stampOf(path.join(root, '_site')).git).toMatchObject({ commit: git(root, 'rev-parse', 'HEAD'), clean: false });
  });

  it('a new commit with no change to the content still rewrites the stamp (the commit is part of the fingerprint)', async () => {
    const root = gitSite();
    await build({ root });
    git(root, 'commit', '-q', '--allow-empty', '-m', 'second');
    await build({ root });
    expect(stampOf(path.join(root, '_site')).git.commit).toBe(git(root, 'rev-parse', 'HEAD'));
  });

  it('reads the commit from packed refs, a detached HEAD and a linked worktree', () => {
    const root = gitSite();
    const head = git(root, 'rev-parse', 'HEAD');
    git(root, 'pack-refs', '--all');
    expect(fs.existsSync(path.join(root, '.git/refs/heads/main'))).toBe(false);
    expect(readGitState(path.join(root, 'content'), { status: false, exclude: [] })).toEqual({ commit: head, branch: 'main' });
    const wt = path.join(tempDir(), 'wt');
    git(root, 'worktree', 'add', '-q', '--detach', wt);
    expect(readGitState(wt, { status: true, exclude: [] })).toEqual({ commit: head, clean: true });
    expect(readGitState(tempDir(), { status: true, exclude: [] })).toBeUndefined();
  });

  it('linklog --version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });
});

describe('git in a hostile repository', () => {
  it('runs no fsmonitor hook, clean filter or hook that the repository’s config names, and still says the tree is unclean', async () => {
    const root = gitSite();
    const marker = path.join(tempDir(), 'ran');
    const hook = path.join(tempDir(), 'hook.sh');
    fs.writeFileSync(hook, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`, { mode: 0o755 });
    git(root, 'config', 'core.fsmonitor', hook);
    git(root, 'config', 'filter.evil.clean', hook);
    git(root, 'config', 'filter.evil.process', hook);
    git(root, 'config', 'core.hooksPath', path.dirname(hook));
    fs.writeFileSync(path.join(root, '.git/info/attributes'), '* filter=evil\n');
    // A tracked file whose stat changed: status has to read it (through the filter, were it run).
    const target = path.join(root, 'content/misc/folder-does-not-matter.md');
    fs.appendFileSync(target, '\nMore.\n');
    const out = path.join(tempDir(), 'site');
    await build({ root, out, cache: false });
    expect(fs.existsSync(marker)).toBe(false);
    expect(stampOf(out).git).toMatchObject({ commit: git(root, 'rev-parse', 'HEAD'), clean: false });
    // The same repository under plain git does run it: the test would see a reopened door.
    execFileSync('git', ['status', '--porcelain'], { cwd: root, stdio: 'pipe' });
    expect(fs.existsSync(marker)).toBe(true);
  });
});
