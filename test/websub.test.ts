/** WebSub: hub: names the hub in every feed; `linklog ping` announces every feed to it (a local fake hub here). */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { child, children, makeSite, readXml, runCli } from './helpers.js';

interface Ping {
  method: string;
  contentType: string | undefined;
  mode: string | null;
  url: string | null;
}

/** A hub that records each request and answers 202, or 400 for the urls in `refuse`. */
let hub: http.Server;
let hubUrl: string;
const pings: Ping[] = [];
const refuse = new Set<string>();

beforeAll(async () => {
  hub = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const ping = { method: req.method ?? '', contentType: req.headers['content-type'], mode: form.get('hub.mode'), url: form.get('hub.url') };
      pings.push(ping);
      if (ping.url && refuse.has(ping.url)) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown topic');
      } else res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/hub`;
});

afterAll(() => new Promise<void>((resolve) => hub.close(() => resolve())));

const site = () =>
  makeSite({
    'linklog.yaml': `baseUrl: https://example.org/links/\nhub: ${hubUrl}\nfeedSize: 1\n`,
    'content/a.md': '---\ntitle: A\nurl: https://example.com/a\ndate: 2026-11-20\ntags: [web, café]\n---\n',
    'content/b.md': '---\ntitle: B\nurl: https://example.com/b\ndate: 2026-11-21\n---\n',
  });

const FEEDS = ['feed', 'daily', 'tags/caf%C3%A9/feed', 'tags/web/feed'].flatMap((stem) => [`https://example.org/links/${stem}.xml`, `https://example.org/links/${stem}.json`]);

describe('WebSub', () => {
  it('names the hub in every subscription feed: <link rel="hub"> in Atom, hubs in JSON Feed (not in archives)', async () => {
    const root = site();
    const r = await build({ root });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const out = path.join(root, '_site');
    for (const url of FEEDS) {
      const rel = decodeURI(url.slice('https://example.org/links/'.length));
      if (rel.endsWith('.xml')) {
        const feed = child(readXml(out, rel), 'feed')!;
        expect(children(feed, 'link').filter((l) => l.attributes.rel === 'hub').map((l) => l.attributes.href), rel).toEqual([hubUrl]);
      } else {
        expect(JSON.parse(fs.readFileSync(path.join(out, rel), 'utf8')).hubs, rel).toEqual([{ type: 'WebSub', url: hubUrl }]);
      }
    }
    expect(fs.readFileSync(path.join(out, 'feeds/archive/1.xml'), 'utf8')).not.toContain('rel="hub"');
    // Without hub: no link.
    fs.writeFileSync(path.join(root, 'linklog.yaml'), 'baseUrl: https://example.org/links/\n');
    await build({ root });
    expect(fs.readFileSync(path.join(out, 'feed.xml'), 'utf8')).not.toContain('rel="hub"');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8'))).not.toHaveProperty('hubs');
  });

  it('linklog ping POSTs hub.mode=publish and hub.url for every feed, prints each answer, exits 0', async () => {
    pings.length = 0;
    const r = await runCli(['ping', '--root', site()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(pings.map((p) => p.url).sort()).toEqual([...FEEDS].sort());
    for (const p of pings) expect(p).toMatchObject({ method: 'POST', contentType: 'application/x-www-form-urlencoded', mode: 'publish' });
    for (const url of FEEDS) expect(r.stdout).toContain(`202 ${url}`);
  });

  it('exits 1 when the hub refuses a feed, saying which', async () => {
    pings.length = 0;
    refuse.add('https://example.org/links/tags/web/feed.json');
    try {
      const r = await runCli(['ping', '--root', site()]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('400 https://example.org/links/tags/web/feed.json: unknown topic');
      expect(pings.length).toBe(FEEDS.length);
    } finally {
      refuse.clear();
    }
  });

  it('exits 1 when there is no hub setting or the hub cannot be reached', async () => {
    const root = site();
    fs.writeFileSync(path.join(root, 'linklog.yaml'), 'baseUrl: https://example.org/links/\n');
    const none = await runCli(['ping', '--root', root]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('hub:');
    // A port nothing listens on: the hub's own, once closed, is not reliably free; a listener that is closed right away is.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    fs.writeFileSync(path.join(root, 'linklog.yaml'), `baseUrl: https://example.org/links/\nhub: http://127.0.0.1:${port}/\n`);
    const down = await runCli(['ping', '--root', root]);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^FAIL https:\/\/example\.org\/links\/feed\.xml: /m);
  });
});
