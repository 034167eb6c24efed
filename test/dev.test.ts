import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { INJECTED_TAG } from '../src/dev/client.js';
import { startDev, type DevSession } from '../src/dev/index.js';
import { resolveInside } from '../src/dev/server.js';
import { copyFixture, entry, REPO, snapshotTree, tempDir } from './helpers.js';

/** Reads Server-Sent Events from the dev server into a list, and lets a test wait for one. */
class EventLog {
  events: Array<{ event: string; data: unknown }> = [];
  private waiters: Array<{ event: string; after: number; resolve: (d: unknown) => void }> = [];
  private req?: http.ClientRequest;
  constructor(url: string) {
    this.req = http.get(url, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event) continue;
          this.events.push({ event, data: data ? JSON.parse(data) : null });
          this.check();
        }
      });
    });
    this.req.on('error', () => {});
  }
  private check() {
    this.waiters = this.waiters.filter((w) => {
      const hit = this.events.slice(w.after).find((e) => e.event === w.event);
      if (hit) w.resolve(hit.data);
      return !hit;
    });
  }
  /** Resolves with the data of the next `event` after the current point. */
  next(event: string): Promise<unknown> {
    return new Promise((resolve) => {
      this.waiters.push({ event, after: this.events.length, resolve });
    });
  }
  close() {
    this.req?.destroy();
  }
}

function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let session: DevSession;
let base: string;
let events: EventLog;
const logs: string[] = [];

beforeAll(async () => {
  root = copyFixture('basic');
  session = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: (l) => logs.push(l), error: (l) => logs.push(l) });
  base = session.server.url;
  events = new EventLog(`http://127.0.0.1:${session.server.port}/__linklog/events`);
  await events.next('ok');
});

afterAll(async () => {
  events?.close();
  await session?.close();
});

const get = async (p: string) => {
  const res = await fetch(new URL(p, base));
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type'), cache: res.headers.get('cache-control') };
};
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};

describe('linklog dev', () => {
  it('serves the site under its base path, with the reload script only in served HTML', async () => {
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
    const reload = events.next('reload');
    write('content/2026/11/date-only.md', entry({ title: 'Date only, edited', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }, 'New words.\n'));
    await reload;
    const page = await get('2026/11/24/date-only/');
    expect(page.text).toContain('Date only, edited');
    expect(page.text).toContain('New words.');
    expect(logs.some((l) => /date-only\.md changed: rebuilt \d+ files? in \d+ ms/.test(l))).toBe(true);
  });

  it('adds the page of a new tag, and removes it with the entry', async () => {
    let reload = events.next('reload');
    write('content/fresh.md', entry({ title: 'Fresh', url: 'https://example.com/fresh', date: '2026-11-27T12:00:00Z', tags: '[fresh-tag]' }));
    await reload;
    expect((await get('tags/fresh-tag/')).status).toBe(200);
    expect((await get('2026/11/27/fresh/')).status).toBe(200);
    expect(logs.some((l) => /fresh\.md added: rebuilt/.test(l)), logs.join('\n')).toBe(true);
    reload = events.next('reload');
    fs.rmSync(path.join(root, 'content/fresh.md'));
    await reload;
    expect(logs.some((l) => /fresh\.md removed: rebuilt/.test(l)), logs.join('\n')).toBe(true);
    const gone = await get('tags/fresh-tag/');
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('Page not found');
    expect((await get('2026/11/27/fresh/')).status).toBe(404);
  });

  it('keeps serving the last good site on invalid content, and recovers when it is fixed', async () => {
    const problems = events.next('problems');
    write('content/2026/11/late-utc.md', '---\ntitle: [unclosed\nurl: https://example.com/late\n---\n');
    const reported = (await Promise.race([problems, new Promise((_, reject) => setTimeout(() => reject(new Error(logs.join('\n'))), 10_000))])) as string[];
    expect(reported.join('\n')).toMatch(/^content\/2026\/11\/late-utc\.md:\d+: invalid YAML/m);
    expect(logs.some((l) => /late-utc\.md:\d+: invalid YAML/.test(l))).toBe(true);
    const still = await get('2026/11/24/late-utc/');
    expect(still.status).toBe(200);
    expect(still.text).toContain('Late in UTC');
    const ok = events.next('ok');
    const reload = events.next('reload');
    write('content/2026/11/late-utc.md', entry({ title: 'Late in UTC, fixed', url: 'https://example.com/late', date: '2026-11-25T03:00:00Z', tags: '[web]' }));
    const timeout = () => new Promise((_, reject) => setTimeout(() => reject(new Error(`${JSON.stringify(events.events)}\n${logs.join('\n')}`)), 10_000));
    await Promise.race([ok, timeout()]);
    await Promise.race([reload, timeout()]);
    expect((await get('2026/11/24/late-utc/')).text).toContain('Late in UTC, fixed');
  });

  it('coalesces a burst of saves, and ends byte-identical to a fresh build', async () => {
    const before = events.events.filter((e) => e.event === 'reload').length;
    for (let i = 0; i < 25; i++) {
      write(`content/burst/b${i}.md`, entry({ title: `Burst ${i}`, url: `https://example.com/b${i}`, date: '2026-11-23', tags: `[burst, n${i % 3}]` }));
    }
    write('templates/tags.eta', fs.readFileSync(path.join(REPO, 'templates/tags.eta'), 'utf8').replace('<h1 class="page-title">Tags</h1>', '<h1 class="page-title">All tags</h1>'));
    // Wait until everything that was saved has been built.
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await session.idle();
      if (fs.existsSync(path.join(root, '_site/2026/11/23/b24/index.html')) && fs.readFileSync(path.join(root, '_site/tags/index.html'), 'utf8').includes('All tags')) break;
    }
    await session.idle();
    // The last reload event may still be on its way to this client.
    for (let i = 0; i < 50 && events.events.filter((e) => e.event === 'reload').length === before; i++) await new Promise((r) => setTimeout(r, 50));
    const rebuilds = events.events.filter((e) => e.event === 'reload').length - before;
    expect(rebuilds).toBeGreaterThanOrEqual(1);
    expect(rebuilds).toBeLessThan(26);
    const fresh = tempDir();
    await build({ root, out: path.join(fresh, 'site'), cache: false });
    const served = snapshotTree(path.join(root, '_site'));
    served.delete('.linklog-site');
    const expected = snapshotTree(path.join(fresh, 'site'));
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
    for (let i = 1; i <= 3; i++) {
      write('content/2026/11/date-only.md', entry({ title: `Quick save ${i}`, url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }));
    }
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await session.idle();
      if ((await get('2026/11/24/date-only/')).text.includes('Quick save 3')) break;
    }
    expect((await get('2026/11/24/date-only/')).text).toContain('Quick save 3');
  });

  it('never serves a file outside the output folder', async () => {
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
    const lines: string[] = [];
    const s = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: (l) => lines.push(l), error: (l) => lines.push(l) });
    const ev = new EventLog(`http://127.0.0.1:${s.server.port}/__linklog/events`);
    try {
      expect(((await ev.next('problems')) as string[]).join('\n')).toMatch(/late-utc\.md:\d+: invalid YAML/);
      const first = await fetch(s.server.url);
      expect(first.status).toBe(404);
      expect(await first.text()).toContain(INJECTED_TAG);
      const reload = ev.next('reload');
      fs.writeFileSync(path.join(root, 'content/2026/11/late-utc.md'), entry({ title: 'Late', url: 'https://example.com/late', date: '2026-11-25' }));
      await reload;
      expect((await fetch(s.server.url)).status).toBe(200);
    } finally {
      ev.close();
      await s.close();
    }
  });
});

describe('linklog dev when the baseUrl changes', () => {
  it('serves the site under the new base path', async () => {
    const root = copyFixture('basic');
    const s = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: () => {}, error: () => {} });
    const ev = new EventLog(`http://127.0.0.1:${s.server.port}/__linklog/events`);
    try {
      expect((await fetch(`http://127.0.0.1:${s.server.port}/links/`)).status).toBe(200);
      const reload = ev.next('reload');
      fs.writeFileSync(path.join(root, 'linklog.yaml'), fs.readFileSync(path.join(root, 'linklog.yaml'), 'utf8').replace('https://example.org/links/', 'https://example.org/notes/'));
      await reload;
      expect(s.server.url).toMatch(/\/notes\/$/);
      expect((await fetch(`http://127.0.0.1:${s.server.port}/notes/`)).status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${s.server.port}/notes/tags/`)).text()).toContain('href="/notes/tags/web/"');
    } finally {
      ev.close();
      await s.close();
    }
  });
});

describe('linklog dev on a taken port', () => {
  it('moves to the next free port and says so', async () => {
    const blocker = http.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as { port: number }).port;
    const lines: string[] = [];
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
