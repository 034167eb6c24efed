/**
 * `linklog dev` under faults and storms: `sed -i` loops, edits of a thousand files, a renamed
 * folder, a `git checkout`, a restart over a damaged output or after `kill -9`. After each, the
 * output is a fresh build's, and the server answers throughout. Every wait is on an event.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../src/build/index.js';
import type { Watcher } from '../src/dev/watch.js';
import { openDev, QUIET_MS, servedAndFresh, within, type Dev } from './dev-helpers.js';
import { CLI, copyFixture, entry, REPO, siteTree, tempDir } from './helpers.js';

/**
 * The window between dev's first build reading the site and its watcher being ready, held
 * open for the test that sets `hold.next`: startDev's watcher is then made only once the
 * test opens it, so what the test changes meanwhile no watcher can see.
 */
const hold = vi.hoisted(() => ({ next: undefined as { firstBuilt: () => void; open: Promise<void> } | undefined }));
vi.mock('../src/dev/watch.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/dev/watch.js')>();
  const watchSite = (...args: Parameters<typeof real.watchSite>): Watcher => {
    const held = hold.next;
    if (!held) return real.watchSite(...args);
    hold.next = undefined;
    let inner: Watcher | undefined;
    const made = () => (inner ??= real.watchSite(...args));
    return {
      // startDev waits for it once its first build is done.
      get ready() {
        held.firstBuilt();
        return held.open.then(() => made().ready);
      },
      release: () => made().release(),
      inject: (changes) => made().inject(changes),
      pending: () => made().pending(),
      close: () => made().close(),
    };
  };
  return { ...real, watchSite };
});

/** A loaded 2-core machine can take minutes over these. */
const LONG = 600_000;
let dev: Dev | undefined;
const open = async (root?: string) => (dev = await within(openDev(root), 'dev to serve its first build (openDev)'));
afterEach(async () => {
  await dev?.close();
  dev = undefined;
}, LONG);
// Thousands of files: removed here, with time for it (the shared clean-up has two minutes).
afterAll(() => {
  for (const d of sites) fs.rmSync(d, { recursive: true, force: true });
}, LONG);
const sites: string[] = [];
const fixture = () => {
  const root = copyFixture('basic');
  sites.push(root);
  return root;
};

const run = (cmd: string, args: string[], cwd: string) =>
  new Promise<void>((resolve, reject) => execFile(cmd, args, { cwd }, (e, _out, err) => (e ? reject(new Error(`${cmd} ${args.join(' ')}: ${err}`)) : resolve())));

/**
 * Resolves once the session's output equals a fresh build of the site as it is now. While it
 * differs, waits for the session's next build (a change not yet picked up comes as one more
 * build); fails, naming what differs and what dev said, when none comes for `quietMs`.
 */
async function settles(d: Dev, quietMs = QUIET_MS, ignore: readonly string[] = []): Promise<void> {
  const { fresh } = await servedAndFresh(d.root);
  for (const rel of ignore) fresh.delete(rel);
  for (;;) {
    // Listening before the comparison: a build that ends while it runs is not missed.
    let built!: () => void;
    const next = new Promise<void>((resolve) => (built = resolve));
    d.session.events.once('build', built);
    await within(d.session.idle(), 'dev to finish the rebuilds of what changed (session.idle())', quietMs);
    const served = siteTree(path.join(d.root, '_site'));
    served.delete('.linklog-site');
    for (const rel of ignore) served.delete(rel);
    const differ = [...new Set([...served.keys(), ...fresh.keys()])].filter((k) => served.get(k) !== fresh.get(k));
    if (differ.length === 0) {
      d.session.events.off('build', built);
      return;
    }
    await within(next, `a build of dev while its output differs from a fresh build in ${differ.length} files (${differ.slice(0, 10).join(', ')}); dev said:\n${d.logs.slice(-30).join('\n')}\n`, quietMs);
  }
}

describe('linklog dev under sed -i', () => {
  it('survives a loop of `sed -i` over entries (it crashed with ENOTDIR), keeps answering, and ends as a fresh build', async () => {
    const root = fixture();
    const files = Array.from({ length: 8 }, (_, i) => (i % 2 ? `content/s${i}.md` : `content/2026/11/s${i}.md`));
    for (const [i, rel] of files.entries()) fs.writeFileSync(path.join(root, rel), entry({ title: `Sed ${i} r0`, url: `https://example.com/s${i}`, date: '2026-11-20', tags: '[sed]' }));
    const d = await open(root);
    for (let round = 1; round <= 15; round++) {
      await Promise.all(files.map((rel, i) => run('sed', ['-i', `s/^title: .*/title: Sed ${i} r${round}/`, rel], root)));
      expect((await within(d.get('tags/sed/'), `an answer in round ${round}`)).status, `round ${round}`).toBe(200);
    }
    await settles(d);
    const { served } = await servedAndFresh(root);
    expect([...served.values()].some((html) => html.includes('Sed 7 r15'))).toBe(true);
    expect(d.logs.filter((l) => /failed|Error/.test(l))).toEqual([]);
  }, LONG);
});

describe('linklog dev under an edit storm', () => {
  it('takes 1,000 new files at once, a renamed folder, and their removal, and equals a fresh build after each', async () => {
    const d = await open(fixture());
    const storm = path.join(d.root, 'content/storm');
    fs.mkdirSync(storm);
    for (let i = 0; i < 1000; i++) {
      fs.writeFileSync(path.join(storm, `e${i}.md`), entry({ title: `Storm ${i}`, url: `https://example.com/storm/${i}`, date: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, tags: `[storm, s${i % 7}]` }));
    }
    await settles(d);
    expect((await d.get('tags/storm/')).status).toBe(200);
    // Renamed: the same entries from another folder (same slugs and dates), then with edits.
    fs.renameSync(storm, path.join(d.root, 'content/renamed'));
    await settles(d);
    for (let i = 0; i < 1000; i += 3) fs.appendFileSync(path.join(d.root, 'content/renamed', `e${i}.md`), `\nEdited ${i}.\n`);
    await settles(d);
    fs.rmSync(path.join(d.root, 'content/renamed'), { recursive: true });
    await settles(d);
    expect((await d.get('tags/storm/')).status).toBe(404);
    expect((await d.get('')).status).toBe(200);
  }, LONG);

  it('sees every file another process writes into a new folder (chokidar lists a new folder before it watches it)', async () => {
    const d = await open(fixture());
    // As `git checkout` or `tar x` do: a folder made and filled at once by another process, while dev reads it.
    const writer = `const fs = require('fs'), path = require('path'); const [dir, round] = process.argv.slice(1); fs.mkdirSync(dir);
      for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, 'w' + round + '-' + i + '.md'), '---\\ntitle: Written ' + round + ' ' + i + '\\nurl: https://example.com/w/' + round + '/' + i + '\\ndate: 2026-09-10\\ntags: [w' + round + ']\\n---\\n');`;
    for (let round = 0; round < 4; round++) {
      await run(process.execPath, ['-e', writer, path.join(d.root, `content/w${round}`), String(round)], d.root);
      await settles(d);
      expect((await d.get(`tags/w${round}/`)).status).toBe(200);
    }
  }, LONG);

  it('follows a `git checkout` of another branch and back', async () => {
    const root = fixture();
    const git = (...args: string[]) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], root);
    await git('init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(root, '.gitignore'), '_site/\n.linklog-cache/\n');
    await git('add', '-A');
    await git('commit', '-qm', 'main');
    await git('checkout', '-qb', 'other');
    // The other branch: 200 entries in a new folder, one entry removed, one retitled, a folder moved, a template.
    fs.mkdirSync(path.join(root, 'content/other'));
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(root, `content/other/o${i}.md`), entry({ title: `Other ${i}`, url: `https://example.com/o/${i}`, date: '2026-09-15', tags: '[other]' }));
    fs.rmSync(path.join(root, 'content/2026/11/late-utc.md'));
    const dateOnly = path.join(root, 'content/2026/11/date-only.md');
    fs.writeFileSync(dateOnly, fs.readFileSync(dateOnly, 'utf8').replace(/^title: .*$/m, 'title: Retitled on the other branch'));
    fs.renameSync(path.join(root, 'content/misc'), path.join(root, 'content/moved'));
    fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates/tags.eta'), fs.readFileSync(path.join(REPO, 'templates/tags.eta'), 'utf8').replace('<h1 class="page-title">Tags</h1>', '<h1 class="page-title">Other tags</h1>'));
    await git('add', '-A');
    await git('commit', '-qm', 'other');
    await git('checkout', '-q', 'main');
    const d = await open(root);
    // build.json: dev leaves out whether the work tree is clean (it does not run `git status`); its commit is checked apart.
    const stampIsHead = async () => {
      const head = await new Promise<string>((resolve) => execFile('git', ['rev-parse', 'HEAD'], { cwd: root }, (_e, out) => resolve(out.trim())));
      expect(JSON.parse(fs.readFileSync(path.join(root, '_site/build.json'), 'utf8')).git?.commit).toBe(head);
    };
    await git('checkout', '-q', 'other');
    await settles(d, undefined, ['build.json']);
    await stampIsHead();
    expect((await d.get('tags/other/')).status).toBe(200);
    await git('checkout', '-q', 'main');
    await settles(d, undefined, ['build.json']);
    await stampIsHead();
    expect((await d.get('tags/other/')).status).toBe(404);
  }, LONG);
});

describe('linklog dev and symbolic links in content/', () => {
  it('never follows a link to a folder out of the site, nor a link loop: skips and names them as build does, and ignores edits behind them', async () => {
    const root = fixture();
    const outside = tempDir('linklog-outside-');
    sites.push(outside);
    fs.writeFileSync(path.join(outside, 'secret.md'), entry({ title: 'Secret outside', url: 'https://example.com/secret', date: '2026-11-20', tags: '[secret]' }));
    const c = (rel: string) => path.join(root, 'content', rel);
    fs.symlinkSync(outside, c('elsewhere'));
    fs.symlinkSync('..', c('up'));
    fs.symlinkSync('loop.md', c('loop.md'));
    fs.symlinkSync('loop-b.md', c('loop-a.md'));
    fs.symlinkSync('loop-a.md', c('loop-b.md'));
    const d = await open(root);
    const skipped = (rel: string, why: string) => expect(d.logs, rel).toContain(`${rel}: warning: skipped: ${why}`);
    skipped('content/elsewhere', 'a symbolic link out of the site (never followed)');
    skipped('content/up', 'a symbolic link to a folder (folders are never followed through links)');
    skipped('content/loop.md', 'a symbolic link loop');
    skipped('content/loop-a.md', 'a symbolic link loop');
    await settles(d);
    // Edits behind the links (out of the site; inside it through the loop `up`), then an entry of
    // the site saved: the rebuild for it must show only what a build shows (edits behind a link
    // reported by a watcher that follows links come with it, or before it).
    fs.writeFileSync(path.join(outside, 'secret.md'), entry({ title: 'Secret edited', url: 'https://example.com/secret', date: '2026-11-20', tags: '[secret]' }));
    fs.writeFileSync(path.join(outside, 'new.md'), entry({ title: 'New outside', url: 'https://example.com/new-outside', date: '2026-11-20', tags: '[secret]' }));
    const dateOnly = c('2026/11/date-only.md');
    fs.writeFileSync(dateOnly, fs.readFileSync(dateOnly, 'utf8').replace(/^title: .*$/m, 'title: Edited beside links'));
    await within(d.built('content/2026/11/date-only.md'), 'the rebuild for content/2026/11/date-only.md');
    await settles(d);
    expect((await d.get('2026/11/24/date-only/')).text).toContain('Edited beside links');
    expect((await d.get('tags/secret/')).status).toBe(404);
    const { served } = await servedAndFresh(root);
    expect([...served.values()].some((html) => html.includes('Secret'))).toBe(false);
    expect(d.logs.filter((l) => /failed|Error|clash/.test(l))).toEqual([]);
  }, LONG);
});

describe('linklog dev and saves made before its watcher is ready (issue 19.2)', () => {
  it('builds a template, linklog.yaml, a page and a public file changed after the first build read them', async () => {
    const root = fixture();
    let firstBuilt!: () => void;
    let open!: () => void;
    const built = new Promise<void>((resolve) => (firstBuilt = resolve));
    hold.next = { firstBuilt, open: new Promise<void>((resolve) => (open = resolve)) };
    // (afterEach closes it whenever it starts.)
    const starting = openDev(root).then((d) => (dev = d));
    try {
      await within(built, 'dev to finish its first build');
      // In the window: the first build has read the site, and no watcher looks yet.
      const layout = fs.readFileSync(path.join(REPO, 'templates/layout.eta'), 'utf8');
      expect(layout).toContain('</body>');
      fs.mkdirSync(path.join(root, 'templates'));
      fs.writeFileSync(path.join(root, 'templates/layout.eta'), layout.replace('</body>', '<!-- saved in the window --></body>'));
      const settings = fs.readFileSync(path.join(root, 'linklog.yaml'), 'utf8');
      fs.writeFileSync(path.join(root, 'linklog.yaml'), settings.replace(/^title: .*$/m, 'title: Retitled in the window'));
      fs.writeFileSync(path.join(root, 'public/window.txt'), 'saved in the window\n');
      fs.mkdirSync(path.join(root, 'pages'));
      fs.writeFileSync(path.join(root, 'pages/about.md'), '---\ntitle: About\n---\nSaved in the window.\n');
    } finally {
      open();
    }
    const d = await within(starting, 'dev to serve its first build (openDev)');
    await within(d.session.idle(), 'dev to build what changed before its watcher was ready (session.idle())');
    const home = (await d.get('')).text;
    expect(home).toContain('<!-- saved in the window -->');
    expect(home).toContain('Retitled in the window');
    expect((await d.get('window.txt')).text).toBe('saved in the window\n');
    expect((await d.get('about/')).text).toContain('Saved in the window.');
    const { served, fresh } = await servedAndFresh(root);
    expect(served).toEqual(fresh);
  }, LONG);
});

describe('linklog dev restarted', () => {
  it('serves feed.xml and tags/ deleted from a built site (it trusted the record)', async () => {
    const root = fixture();
    const r = await build({ root });
    expect(r.stats).toBeDefined();
    fs.rmSync(path.join(root, '_site/feed.xml'));
    fs.rmSync(path.join(root, '_site/tags'), { recursive: true });
    fs.writeFileSync(path.join(root, '_site/index.html'), 'damaged');
    const d = await open(root);
    expect((await d.get('feed.xml')).status).toBe(200);
    expect((await d.get('tags/')).status).toBe(200);
    expect((await d.get('tags/web/')).status).toBe(200);
    expect((await d.get('')).text).not.toContain('damaged');
    await within(d.session.idle(), 'dev to finish its rebuilds (session.idle())');
    const { served, fresh } = await servedAndFresh(root);
    expect(served).toEqual(fresh);
  }, LONG);

  it('after `kill -9` and a content revert, serves a fresh build (twice over)', async () => {
    const root = fixture();
    const original = fs.readFileSync(path.join(root, 'content/2026/11/date-only.md'), 'utf8');
    /** `linklog dev` as its own process; resolves with it once `line` matches its output. */
    const devUntil = (line: RegExp, act: () => void = () => {}) => {
      const child = spawn(process.execPath, [CLI, 'dev', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let acted = false;
      const printed = new Promise<typeof child>((resolve, reject) => {
        const seen = (c: Buffer) => {
          out += c.toString();
          if (!acted && /serving http/.test(out)) {
            acted = true;
            act();
          }
          if (line.test(out)) resolve(child);
        };
        child.stdout.on('data', seen);
        child.stderr.on('data', seen);
        child.on('exit', () => reject(new Error(`dev exited:\n${out}`)));
      });
      return within(printed, `dev to print ${line}`).catch((e: Error) => {
        child.kill('SIGKILL');
        throw new Error(`${e.message}; it printed:\n${out}`);
      });
    };
    const kill = async (child: ReturnType<typeof spawn>) => {
      child.removeAllListeners('exit');
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await within(gone, 'a killed dev process to exit');
    };
    // A session that adds an entry with a new tag and retitles another, killed right after it rebuilt.
    let child = await devUntil(/fresh\.md added: rebuilt/, () => {
      fs.writeFileSync(path.join(root, 'content/fresh.md'), entry({ title: 'Fresh', url: 'https://example.com/fresh', date: '2026-11-27T12:00:00Z', tags: '[fresh-tag]' }));
    });
    await kill(child);
    child = await devUntil(/date-only\.md changed: rebuilt/, () => {
      fs.writeFileSync(path.join(root, 'content/2026/11/date-only.md'), original.replace(/^title: .*$/m, 'title: Killed mid-edit'));
    });
    await kill(child);
    // The author reverts both.
    fs.rmSync(path.join(root, 'content/fresh.md'));
    fs.writeFileSync(path.join(root, 'content/2026/11/date-only.md'), original);
    // Started and killed once more before it could save anything, then started for good.
    child = await devUntil(/serving http/);
    await kill(child);
    const d = await open(root);
    await within(d.session.idle(), 'dev to finish its rebuilds (session.idle())');
    const { served, fresh } = await servedAndFresh(root);
    expect([...served.keys()]).toEqual([...fresh.keys()]);
    expect(served).toEqual(fresh);
    expect((await d.get('tags/fresh-tag/')).status).toBe(404);
    expect((await d.get('2026/11/24/date-only/')).text).not.toContain('Killed mid-edit');
  }, LONG);
});
