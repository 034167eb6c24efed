/** `linklog verify`: a built folder and the same site served over local HTTP, whole and broken. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { folderSource, httpSource } from '../src/verify/source.js';
import { sample, verifySite } from '../src/verify/verify.js';
import { copyFixture, entry, runCli, tempDir } from './helpers.js';

interface Served {
  url: string;
  requests: string[];
  maxInFlight: number;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.xml': 'application/xml', '.json': 'application/json', '.css': 'text/css' };

/** A static host: `/a/` is `a/index.html`, `/a` redirects to `/a/` when `a` is a folder. */
function files(dir: string) {
  return (req: http.IncomingMessage, res: http.ServerResponse, notFound: () => void) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let abs = path.join(dir, rel);
    if (!abs.startsWith(dir)) return notFound();
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
      if (!rel.endsWith('/')) {
        res.writeHead(301, { location: `/links${rel}/` });
        return res.end();
      }
      abs = path.join(abs, 'index.html');
    }
    if (!fs.existsSync(abs)) return notFound();
    const body = fs.readFileSync(abs);
    res.writeHead(200, { 'content-type': TYPES[path.extname(abs)] ?? 'application/octet-stream', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Serves `dir` at http://127.0.0.1:PORT/links/ (the fixture's base path), counting requests in flight. */
async function serve(dir: string): Promise<Served> {
  const serveFile = files(dir);
  let inFlight = 0;
  const served: Served = { url: '', requests: [], maxInFlight: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    served.requests.push(`${req.method} ${req.url}`);
    // In flight: received and not yet answered (the client cannot have its answer before we start one).
    served.maxInFlight = Math.max(served.maxInFlight, ++inFlight);
    let answered = false;
    const answer = () => {
      if (!answered) inFlight--;
      answered = true;
    };
    if (!req.url?.startsWith('/links/')) {
      answer();
      res.statusCode = 404;
      return res.end('not found');
    }
    req.url = req.url.slice('/links'.length);
    // Answer on a later turn, so requests overlap when the client lets them.
    setImmediate(() => {
      answer();
      serveFile(req, res, () => {
        res.statusCode = 404;
        res.end('not found');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  served.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/links/`;
  served.close = () => new Promise((resolve) => server.close(() => resolve()));
  return served;
}

let good: string;
let broken: string;
beforeAll(async () => {
  good = path.join(tempDir(), 'good');
  await build({ root: copyFixture('basic'), out: good, cache: false });
  broken = path.join(tempDir(), 'broken');
  fs.cpSync(good, broken, { recursive: true });
  // An entry page gone (the home page, feeds and sitemap link to it), the home page's skip-link
  // target gone, a tag feed cut short.
  fs.rmSync(path.join(broken, '2026/11/24/late-utc'), { recursive: true });
  const home = path.join(broken, 'index.html');
  fs.writeFileSync(home, fs.readFileSync(home, 'utf8').replace('<main id="main"', '<main'));
  const feed = path.join(broken, 'tags/web/feed.xml');
  fs.writeFileSync(feed, fs.readFileSync(feed, 'utf8').slice(0, 700));
});

const codes = (ps: Array<{ code: string }>) => [...new Set(ps.map((p) => p.code))].sort();

describe('linklog verify', () => {
  it('passes a good built folder, reading every feed, each tag page and the sitemap', async () => {
    const r = await verifySite(folderSource(good, new URL('https://example.org/links/')), { all: false, sample: 2 });
    expect(r.problems).toEqual([]);
    expect(r.stamp?.entries).toBe(5);
    // feed.xml, daily.xml and one per tag (7 tags).
    expect(r.checked.feeds).toBe(9);
    expect(r.checked.sitemapUrls).toBeGreaterThan(15);
  });

  it('reports a broken folder: the missing page where each link to it is, the fragment, the feed, the sitemap', async () => {
    const r = await verifySite(folderSource(broken, new URL('https://example.org/links/')), { all: false, sample: 2 });
    const text = r.problems.map((p) => `${p.file}:${p.line ?? ''}: ${p.code}: ${p.message}`);
    expect(codes(r.problems)).toEqual(['verify-broken-link', 'verify-feed-invalid', 'verify-missing-fragment', 'verify-sitemap']);
    expect(text.find((t) => t.includes('verify-missing-fragment'))).toMatch(/index\.html:\d+: .*no element with id 'main'/);
    expect(text.filter((t) => /verify-broken-link.*late-utc/.test(t)).some((t) => /feed\.xml:\d+:/.test(t))).toBe(true);
    expect(text.filter((t) => /verify-broken-link.*late-utc/.test(t)).some((t) => /index\.html:\d+:/.test(t))).toBe(true);
    expect(text.find((t) => t.includes('verify-feed-invalid'))).toMatch(/tags\/web\/feed\.xml/);
    expect(text.find((t) => t.includes('verify-sitemap'))).toMatch(/late-utc/);
  });

  it('passes the good site over HTTP, with at most --concurrency requests at once', async () => {
    const s = await serve(good);
    try {
      const r = await verifySite(httpSource(new URL(s.url), { concurrency: 2, timeout: 10_000 }), { all: true, sample: 0 });
      expect(r.problems).toEqual([]);
      expect(s.requests.length).toBeGreaterThan(30);
      expect(s.maxInFlight).toBeLessThanOrEqual(2);
      // Existence is asked with HEAD; pages whose links are followed with GET.
      expect(s.requests.some((q) => q.startsWith('HEAD '))).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('reports the broken site over HTTP with the CLI, as text and as --json, exit 1', async () => {
    const s = await serve(broken);
    try {
      const t = await runCli(['verify', s.url]);
      expect(t.code).toBe(1);
      expect(t.stderr).toMatch(new RegExp(`${s.url}2026/11/24/:\\d+: link /links/2026/11/24/late-utc/ is broken: HTTP 404`));
      expect(t.stderr).toMatch(/verify failed: \d+ errors/);
      const j = await runCli(['verify', s.url, '--json', '--concurrency', '3']);
      expect(j.code).toBe(1);
      const out = JSON.parse(j.stdout);
      expect(out.ok).toBe(false);
      expect(codes(out.problems)).toEqual(['verify-broken-link', 'verify-feed-invalid', 'verify-missing-fragment', 'verify-sitemap']);
    } finally {
      await s.close();
    }
  });

  it('--expect compares the deployed build.json with a local build: "deployed …, built …"', async () => {
    const root = copyFixture('basic');
    fs.writeFileSync(path.join(root, 'content/new.md'), entry({ title: 'New', url: 'https://example.com/new', date: '2026-11-26' }));
    const local = path.join(tempDir(), 'local');
    await build({ root, out: local, cache: false });
    const s = await serve(good);
    try {
      const same = await runCli(['verify', s.url, '--expect', good]);
      expect(same.code).toBe(0);
      expect(same.stdout).toMatch(/deployed .*, the same as built/);
      const other = await runCli(['verify', s.url, '--expect', local]);
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/build\.json: deployed content \S+, built content \S+: content \S+ ≠ \S+, .*5 ≠ 6 entries/);
    } finally {
      await s.close();
    }
  });

  it('reports a site that does not answer, and a folder that is not a site', async () => {
    const server = http.createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const r = await verifySite(httpSource(new URL(url), { concurrency: 4, timeout: 300 }), { all: false, sample: 1 });
      expect(r.problems.find((p) => p.file === url)?.message).toMatch(/no answer in 300 ms/);
      expect(codes(r.problems)).toContain('verify-build-json');
    } finally {
      server.closeAllConnections();
      server.close();
    }
    const notSite = await runCli(['verify', tempDir()]);
    expect(notSite.code).toBe(2);
  });

  it('samples evenly, always the same items', () => {
    expect(sample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(sample([1, 2], 5)).toEqual([1, 2]);
  });
});
