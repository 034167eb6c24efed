/** `linklog check --links` against local HTTP servers: every kind of answer, the per-host limit, the cache, Wayback suggestions. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, check } from '../src/build/index.js';
import { hostScheduler } from '../src/links/hosts.js';
import { retryAfter } from '../src/links/probe.js';
import { $, attr, child, children, entry, makeSite, readHtml, readXml, runCli, tempDir, text } from './helpers.js';

interface Server {
  base: string;
  /** `METHOD path` of every request, in order. */
  log: string[];
  maxInFlight: number;
  close: () => Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, seen: number) => void;

/** A server on 127.0.0.1; `routes` answer by path. Requests in flight: received and not yet answered. */
async function server(routes: Record<string, Handler>): Promise<Server> {
  const s: Server = { base: '', log: [], maxInFlight: 0, close: async () => {} };
  let inFlight = 0;
  const counts = new Map<string, number>();
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    s.log.push(`${req.method} ${url.pathname}${url.search}`);
    const seen = (counts.get(url.pathname) ?? 0) + 1;
    counts.set(url.pathname, seen);
    s.maxInFlight = Math.max(s.maxInFlight, ++inFlight);
    let open = true;
    const done = () => {
      if (open) inFlight--;
      open = false;
    };
    // One that never answers is in flight until the client gives up.
    res.on('close', done);
    setImmediate(() => {
      const handler = routes[url.pathname];
      if (url.pathname !== '/slow') done();
      if (handler) handler(req, res, seen);
      else {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  s.base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  s.close = () =>
    new Promise((resolve) => {
      srv.closeAllConnections();
      srv.close(() => resolve());
    });
  return s;
}

const answer = (status: number, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, headers);
  res.end(status === 200 ? 'hello' : '');
};

let web: Server;
let archive: Server;
beforeAll(async () => {
  web = await server({
    '/ok': answer(200),
    '/a': answer(301, { location: '/b' }),
    '/b': answer(308, { location: '/ok' }),
    '/temp': answer(302, { location: '/ok' }),
    '/gone404': answer(404),
    '/gone410': answer(410),
    '/busy': (req, res, seen) => (seen === 1 ? answer(429, { 'retry-after': '1' })(req, res, seen) : answer(200)(req, res, seen)),
    '/nohead': (req, res, seen) => (req.method === 'HEAD' ? answer(405)(req, res, seen) : answer(200)(req, res, seen)),
    '/slow': () => {
      // never answers: the client's timeout ends it
    },
    '/reset': (req) => req.socket.destroy(),
  });
  archive = await server({
    '/wayback/available': (req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      res.setHeader('content-type', 'application/json');
      const found = q.get('url')?.endsWith('/gone404');
      res.end(
        JSON.stringify({
          url: q.get('url'),
          archived_snapshots: found
            ? { closest: { status: '200', available: true, url: `http://web.archive.org/web/${q.get('timestamp')}000000/${q.get('url')}`, timestamp: `${q.get('timestamp')}000000` } }
            : {},
        }),
      );
    },
  });
});
afterAll(async () => {
  await web?.close();
  await archive?.close();
});

function linkSite(paths: string[], extra: Record<string, Record<string, string>> = {}): string {
  const files: Record<string, string> = { 'linklog.yaml': 'title: Links\nbaseUrl: https://example.org/\n' };
  paths.forEach((p, i) => {
    files[`content/${p.replace(/\W/g, '') || 'x'}-${i}.md`] = entry({ title: `Link ${i}`, url: `${web.base}${p}`, date: '2015-03-14', ...(extra[p] ?? {}) });
  });
  return makeSite(files);
}

const ALL = ['/ok', '/a', '/temp', '/gone404', '/gone410', '/busy', '/nohead', '/slow', '/reset'];
const args = (root: string, ...more: string[]) => ['check', '--links', '--root', root, '--pause', '0', '--timeout', '1', ...more];

describe('linklog check --links', () => {
  it('reports 404, 410, a timeout and a reset connection as dead at path:line, a permanent redirect chain as moved; 429 is waited out; HEAD refused is asked with GET', async () => {
    const root = linkSite(ALL, { '/gone410': { archived: 'https://web.archive.org/web/2015/gone410' } });
    const r = await runCli(args(root));
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    const about = (p: string) => lines.filter((l) => l.includes(`${web.base}${p} `));
    expect(about('/gone404')[0]).toMatch(/^content\/gone404-3\.md:3: .* is dead: HTTP 404/);
    expect(about('/gone410')[0]).toMatch(/^content\/gone410-4\.md:3: warning: .* is dead \(HTTP 410.*\); the archived copy .* is shown beside it/);
    expect(about('/slow')[0]).toMatch(/is dead: no answer in 1 s \(timeout\)/);
    expect(about('/reset')[0]).toMatch(/is dead: .*(reset|closed)/);
    expect(about('/a')[0]).toMatch(/warning: .* moved permanently to .*\/ok: update the url/);
    for (const p of ['/ok', '/temp', '/busy', '/nohead']) expect(about(p), p).toEqual([]);
    expect(lines.at(-1)).toMatch(/check --links failed: 9 links: 9 asked, 0 from the cache; 4 dead/);
    // The 429 was asked again after Retry-After; /nohead with GET after HEAD's 405.
    expect(web.log.filter((l) => l.endsWith(' /busy'))).toEqual(['HEAD /busy', 'HEAD /busy']);
    expect(web.log.filter((l) => l.endsWith(' /nohead'))).toEqual(['HEAD /nohead', 'GET /nohead']);
    expect(web.log.filter((l) => l.endsWith(' /a') || l.endsWith(' /b'))).toEqual(['HEAD /a', 'HEAD /b']);
  });

  it('keeps results in the cache: a second run within the time-to-live makes no request; --force and --max-age ask again', async () => {
    const root = linkSite(['/ok', '/gone404', '/a']);
    const first = await runCli(args(root, '--json'));
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: false, links: 3, asked: 3, fromCache: 0 });
    expect(fs.existsSync(path.join(root, '.linklog-cache/links.json'))).toBe(true);
    const before = web.log.length;
    const second = await runCli(args(root, '--json'));
    expect(web.log.length).toBe(before);
    const out = JSON.parse(second.stdout);
    expect(out).toMatchObject({ ok: false, links: 3, asked: 0, fromCache: 3, requests: 0 });
    expect(out.dead.map((d: { url: string }) => d.url)).toEqual([`${web.base}/gone404`]);
    expect(out.moved).toEqual([expect.objectContaining({ url: `${web.base}/a`, to: `${web.base}/ok` })]);
    expect(second.code).toBe(1);

    const forced = JSON.parse((await runCli(args(root, '--json', '--force'))).stdout);
    expect(forced).toMatchObject({ asked: 3, fromCache: 0 });
    expect(web.log.length).toBeGreaterThan(before);
    const aged = JSON.parse((await runCli(args(root, '--json', '--max-age', '0s'))).stdout);
    expect(aged).toMatchObject({ asked: 3, fromCache: 0 });
  });

  it('--wayback suggests the copy closest to the entry date, through a configurable availability API', async () => {
    const root = linkSite(['/gone404', '/reset']);
    const r = await runCli(args(root, '--wayback', '--wayback-api', `${archive.base}/wayback/available`));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`archived copy: https://web.archive.org/web/20150314000000/${web.base}/gone404 (add 'archived: https://web.archive.org/web/20150314000000/${web.base}/gone404' to keep it)`);
    expect(r.stderr).toMatch(/reset.*the Wayback Machine has no copy/);
    expect(archive.log.filter((l) => l.startsWith('GET /wayback/available?'))).toHaveLength(2);
    expect(archive.log.some((l) => l.includes('timestamp=20150314'))).toBe(true);
  });

  it('sends at most 2 requests at once to one host', async () => {
    const other = await server({ '/ok': answer(200) });
    try {
      const files: Record<string, string> = {};
      for (let i = 0; i < 12; i++) {
        files[`content/w${i}.md`] = entry({ title: `W ${i}`, url: `${web.base}/ok?${i}`, date: '2026-01-01' });
        files[`content/o${i}.md`] = entry({ title: `O ${i}`, url: `${other.base}/ok?${i}`, date: '2026-01-01' });
      }
      const root = makeSite(files);
      web.maxInFlight = 0;
      const r = await runCli(args(root));
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/24 links: 24 asked/);
      expect(other.log).toHaveLength(12);
      expect(other.maxInFlight).toBeLessThanOrEqual(2);
      expect(web.maxInFlight).toBeLessThanOrEqual(2);
    } finally {
      await other.close();
    }
  });

  it('pauses between two requests to one host, and holds a host that asked to wait', async () => {
    vi.useFakeTimers();
    try {
      const s = hostScheduler({ perHost: 1, pause: 1000 });
      const started: string[] = [];
      const job = (name: string) => s.run('h', async () => void started.push(name));
      const all = Promise.all([job('a'), job('b'), s.run('other', async () => void started.push('x'))]);
      await vi.advanceTimersByTimeAsync(0);
      expect(started).toEqual(['a', 'x']);
      await vi.advanceTimersByTimeAsync(999);
      expect(started).toEqual(['a', 'x']);
      await vi.advanceTimersByTimeAsync(1);
      expect(started).toEqual(['a', 'x', 'b']);
      await all;
      s.hold('h', 5000);
      const late = job('c');
      await vi.advanceTimersByTimeAsync(4000);
      expect(started).not.toContain('c');
      await vi.advanceTimersByTimeAsync(1000);
      await late;
      expect(started).toContain('c');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(retryAfter('120', now)).toBe(120_000);
    expect(retryAfter('Wed, 02 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfter('soon', now)).toBeUndefined();
  });
});

describe('archived: in front matter', () => {
  const ARCHIVED = 'https://web.archive.org/web/20150314000000/https://example.com/gone';
  it('shows an "archived copy" link beside the original on the entry page, and feeds carry it', async () => {
    const root = makeSite({
      'linklog.yaml': 'title: Links\nbaseUrl: https://example.org/\n',
      'content/gone.md': entry({ title: 'Gone', url: 'https://example.com/gone', date: '2015-03-14', archived: ARCHIVED }),
      'content/alive.md': entry({ title: 'Alive', url: 'https://example.com/alive', date: '2015-03-14' }),
    });
    const out = path.join(tempDir(), 'site');
    const r = await build({ root, out, cache: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const page = readHtml(out, '2015/03/14/gone/index.html');
    const title = $(page, 'h1.link-title')!;
    expect(attr($(title, 'a'), 'href')).toBe('https://example.com/gone');
    expect(attr($(title, 'a.archived'), 'href')).toBe(ARCHIVED);
    expect(text($(title, 'a.archived'))).toBe('archived copy');
    expect($(readHtml(out, '2015/03/14/alive/index.html'), 'a.archived')).toBeUndefined();
    const feed = readXml(out, 'feed.xml');
    const entries = children(child(feed, 'feed')!, 'entry');
    const linksOf = (e: (typeof entries)[number]) => children(e, 'link').map((l) => `${l.attributes.rel} ${l.attributes.href} ${l.attributes.title ?? ''}`.trim());
    const gone = entries.find((e) => linksOf(e).some((l) => l.startsWith('alternate https://example.com/gone')))!;
    expect(linksOf(gone)).toContain(`related ${ARCHIVED} Archived copy`);
    expect(entries.flatMap(linksOf).filter((l) => l.includes('Archived copy'))).toHaveLength(1);
    expect(fs.readFileSync(path.join(out, 'daily.xml'), 'utf8')).toContain('archived copy');
    const exported = await runCli(['export', '--format', 'json', '--root', root]);
    expect(JSON.parse(exported.stdout).find((e: { title: string }) => e.title === 'Gone').archived).toBe(ARCHIVED);
  });

  it('must be an http(s) URL', async () => {
    const root = makeSite({ 'content/x.md': entry({ title: 'X', url: 'https://example.com/', date: '2015-03-14', archived: 'somewhere else' }) });
    const ds = await check({ root });
    expect(ds.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}: ${d.code}`)).toEqual(['content/x.md:5: invalid-field']);
  });
});

