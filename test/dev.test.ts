import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { INJECTED_TAG } from '../src/dev/client.js';
import { resolveInside } from '../src/dev/server.js';
import { openDev, rawGet, type Dev } from './dev-helpers.js';
import { copyFixture, entry, REPO, siteTree, snapshotTree, tempDir } from './helpers.js';

/** Each test opens its own session; it is closed after the test, whatever happened. */
let dev: Dev | undefined;
const open = async (root?: string) => (dev = await openDev(root));
afterEach(async () => {
  await dev?.close();
  dev = undefined;
});

describe('linklog dev', () => {
  it('serves the site under its base path, with the reload script only in served HTML', async () => {
    const { get, root } = await open();
    const page = await get('2026/11/24/date-only/');
    expect(page.status).toBe(200);
    expect(page.text).toContain(INJECTED_TAG);
    expect(page.cache).toBe('no-cache');
    const onDisk = fs.readFileSync(path.join(root, '_site/2026/11/24/date-only/index.html'), 'utf8');
    expect(onDisk).not.toContain('__linklog');
    expect(page.text.replace(`${INJECTED_TAG}\n`, '')).toBe(onDisk);
    const feed = await get('feed.xml');
    expect(feed.type).toMatch(/^application\/atom\+xml/);
    expect(feed.cache).toBe('no-cache');
    expect((await get('/')).status).toBe(200); // redirected to the base path
  });

  it('rebuilds an edited entry and tells the browser to reload', async () => {
    const { get, write, events, logs, built } = await open();
    const reload = events.next('reload');
    const done = built('content/2026/11/date-only.md');
    write('content/2026/11/date-only.md', entry({ title: 'Date only, edited', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }, 'New words.\n'));
    await done;
    await reload;
    const page = await get('2026/11/24/date-only/');
    expect(page.text).toContain('Date only, edited');
    expect(page.text).toContain('New words.');
    expect(logs.some((l) => /date-only\.md changed: rebuilt \d+ files? in \d+ ms/.test(l))).toBe(true);
  });

  it('adds the page of a new tag, and removes it with the entry', async () => {
    const { get, write, events, logs, built, root } = await open();
    let reload = events.next('reload');
    let done = built('content/fresh.md');
    write('content/fresh.md', entry({ title: 'Fresh', url: 'https://example.com/fresh', date: '2026-11-27T12:00:00Z', tags: '[fresh-tag]' }));
    await done;
    await reload;
    expect((await get('tags/fresh-tag/')).status).toBe(200);
    expect((await get('2026/11/27/fresh/')).status).toBe(200);
    expect(logs.some((l) => /fresh\.md added: rebuilt/.test(l)), logs.join('\n')).toBe(true);
    reload = events.next('reload');
    done = built('content/fresh.md');
    fs.rmSync(path.join(root, 'content/fresh.md'));
    await done;
    await reload;
    expect(logs.some((l) => /fresh\.md removed: rebuilt/.test(l)), logs.join('\n')).toBe(true);
    const gone = await get('tags/fresh-tag/');
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('Page not found');
    expect((await get('2026/11/27/fresh/')).status).toBe(404);
  });

  it('keeps serving the last good site on invalid content, and recovers when it is fixed', async () => {
    const { get, write, events, logs, built } = await open();
    const problems = events.next('problems');
    let done = built('content/2026/11/late-utc.md');
    write('content/2026/11/late-utc.md', '---\ntitle: [unclosed\nurl: https://example.com/late\n---\n');
    const [event] = await done;
    expect(event.result?.stats).toBeUndefined();
    expect(event.result?.diagnostics.map((d) => d.code)).toEqual(['yaml']);
    const reported = (await problems) as string[];
    expect(reported.join('\n')).toMatch(/^content\/2026\/11\/late-utc\.md:\d+: invalid YAML/m);
    expect(logs.some((l) => /late-utc\.md:\d+: invalid YAML/.test(l))).toBe(true);
    const still = await get('2026/11/24/late-utc/');
    expect(still.status).toBe(200);
    expect(still.text).toContain('Late in UTC');
    const ok = events.next('ok');
    const reload = events.next('reload');
    done = built('content/2026/11/late-utc.md');
    write('content/2026/11/late-utc.md', entry({ title: 'Late in UTC, fixed', url: 'https://example.com/late', date: '2026-11-25T03:00:00Z', tags: '[web]' }));
    await done;
    await ok;
    await reload;
    expect((await get('2026/11/24/late-utc/')).text).toContain('Late in UTC, fixed');
  });

  it('coalesces a burst of saves, and ends byte-identical to a fresh build', async () => {
    const { get, write, built, root } = await open();
    const files = Array.from({ length: 25 }, (_, i) => `content/burst/b${i}.md`);
    const done = built(...files, 'templates/tags.eta');
    files.forEach((rel, i) => write(rel, entry({ title: `Burst ${i}`, url: `https://example.com/b${i}`, date: '2026-11-23', tags: `[burst, n${i % 3}]` })));
    write('templates/tags.eta', fs.readFileSync(path.join(REPO, 'templates/tags.eta'), 'utf8').replace('<h1 class="page-title">Tags</h1>', '<h1 class="page-title">All tags</h1>'));
    const rebuilds = (await done).length;
    expect(rebuilds).toBeGreaterThanOrEqual(1);
    expect(rebuilds).toBeLessThan(26);
    const fresh = tempDir();
    await build({ root, out: path.join(fresh, 'site'), cache: false });
    const served = siteTree(path.join(root, '_site'));
    served.delete('.linklog-site');
    const expected = siteTree(path.join(fresh, 'site'));
    expected.delete('.linklog-site');
    expect([...served.keys()]).toEqual([...expected.keys()]);
    expect(served).toEqual(expected);
    // and what is served is those files, plus the reload script in HTML
    for (const rel of ['index.html', 'tags/burst/index.html', 'feed.xml']) {
      const res = await get(rel.replace(/index\.html$/, ''));
      expect(res.text.replace(`${INJECTED_TAG}\n`, ''), rel).toBe(expected.get(rel));
    }
  });

  it('loses no save, even two within a few milliseconds', async () => {
    const { get, write, built, session } = await open();
    const rel = 'content/2026/11/date-only.md';
    const done = built(rel);
    for (let i = 1; i <= 3; i++) write(rel, entry({ title: `Quick save ${i}`, url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }));
    await done;
    // A save chokidar folded into the one before is found when the file is looked at again: one more build, at most.
    if (!(await get('2026/11/24/date-only/')).text.includes('Quick save 3')) await session.rebuilt(rel);
    expect((await get('2026/11/24/date-only/')).text).toContain('Quick save 3');
  });

  it('never serves a file outside the output folder', async () => {
    const { session, root } = await open();
    const port = session.server.port;
    fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
    for (const p of [
      '/links/../secret.txt',
      '/links/../../secret.txt',
      '/links/%2e%2e/secret.txt',
      '/links/%2e%2e%2fsecret.txt',
      '/links/..%2f..%2fsecret.txt',
      '/links/..\\secret.txt',
      '/links/%5c..%5csecret.txt',
      '/links/%00/index.html',
      '/../linklog.yaml',
      '/links/.linklog-site',
    ]) {
      const r = await rawGet(port, p);
      expect([400, 404], p).toContain(r.status);
      expect(r.body, p).not.toContain('secret');
      expect(r.body, p).not.toContain('baseUrl');
    }
  });

  it('resolves request paths only inside the folder', () => {
    expect(resolveInside('/srv/site', '/a/b.html')).toBe('/srv/site/a/b.html');
    expect(resolveInside('/srv/site', '/a/%2e%2e/%2e%2e/x')).toBeUndefined();
    expect(resolveInside('/srv/site', '/%E0%A4%A')).toBeUndefined();
  });
});

describe('linklog dev on a site that does not build yet', () => {
  it('serves a page that shows the problems, and the site once they are fixed', async () => {
    const root = copyFixture('basic');
    fs.writeFileSync(path.join(root, 'content/2026/11/late-utc.md'), '---\ntitle: [broken\n---\n');
    const { events, session, built, write } = await open(root);
    expect((events.events[0].data as string[]).join('\n')).toMatch(/late-utc\.md:\d+: invalid YAML/);
    const first = await fetch(session.server.url);
    expect(first.status).toBe(404);
    expect(await first.text()).toContain(INJECTED_TAG);
    const reload = events.next('reload');
    const done = built('content/2026/11/late-utc.md');
    write('content/2026/11/late-utc.md', entry({ title: 'Late', url: 'https://example.com/late', date: '2026-11-25' }));
    await done;
    await reload;
    expect((await fetch(session.server.url)).status).toBe(200);
  });
});

describe('linklog dev when the baseUrl changes', () => {
  it('serves the site under the new base path', async () => {
    const { root, session: s, built } = await open();
    expect((await fetch(`http://127.0.0.1:${s.server.port}/links/`)).status).toBe(200);
    const done = built('linklog.yaml');
    fs.writeFileSync(path.join(root, 'linklog.yaml'), fs.readFileSync(path.join(root, 'linklog.yaml'), 'utf8').replace('https://example.org/links/', 'https://example.org/notes/'));
    await done;
    expect(s.server.url).toMatch(/\/notes\/$/);
    expect((await fetch(`http://127.0.0.1:${s.server.port}/notes/`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${s.server.port}/notes/tags/`)).text()).toContain('href="/notes/tags/web/"');
  });
});

describe('linklog dev on a taken port', () => {
  it('moves to the next free port and says so', async () => {
    const blocker = http.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as { port: number }).port;
    const lines: string[] = [];
    const { startDev } = await import('../src/dev/index.js');
    const other = await startDev({ root: copyFixture('basic'), host: '127.0.0.1', port: taken, log: (l) => lines.push(l), error: (l) => lines.push(l) });
    try {
      expect(other.server.port).not.toBe(taken);
      expect(lines.join('\n')).toMatch(new RegExp(`port ${taken} is in use; using \\d+ instead`));
    } finally {
      await other.close();
      blocker.close();
    }
  });
});

describe("linklog dev's list of entry files", () => {
  it('stays sorted and in step with the disk as files and folders come and go', async () => {
    const { devBuilds } = await import('../src/dev/builds.js');
    const { statSources } = await import('../src/load/sources.js');
    const e = (n: string) => entry({ title: n, url: `https://example.com/${n}`, date: '2026-11-24' });
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'linklog.yaml'), 'baseUrl: https://example.com/\n');
    const put = (rel: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), e(path.basename(rel, '.md')));
    };
    // A folder `a/` sorts after its siblings `a-b.md` and `a.md`: removing it must take only what is under it.
    for (const rel of ['content/a-b.md', 'content/a.md', 'content/a/x.md', 'content/a/y/z.md', 'content/b.md']) put(rel);
    const b = devBuilds({ root, cache: false });
    const listed = async () => (await b.build()).inputs!.sources.map((s) => `${s.rel} ${s.size}`);
    const onDisk = () => statSources(root).map((s) => `${s.rel} ${s.size}`).sort();
    expect(await listed()).toEqual(onDisk());
    put('content/a/w.md');
    expect(b.sourceChanged('content/a/w.md')).toBe('add');
    fs.appendFileSync(path.join(root, 'content/a-b.md'), 'More.\n');
    expect(b.sourceChanged('content/a-b.md')).toBe('change');
    expect(await listed()).toEqual(onDisk());
    fs.rmSync(path.join(root, 'content/a'), { recursive: true });
    expect(b.sourceChanged('content/a')).toBe('unlink');
    expect(await listed()).toEqual(onDisk());
    fs.rmSync(path.join(root, 'content/a.md'));
    expect(b.sourceChanged('content/a.md')).toBe('unlink');
    put('content/0.md');
    b.sourceChanged('content/0.md');
    put('content/c.md');
    b.sourceChanged('content/c.md');
    expect(await listed()).toEqual(onDisk());
    expect(await listed()).toEqual(['content/0.md', 'content/a-b.md', 'content/b.md', 'content/c.md'].map((r) => `${r} ${fs.statSync(path.join(root, r)).size}`));
  });
});
