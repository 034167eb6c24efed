/** The dev server under hostile requests: foreign hosts, odd paths, many or stalled clients. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostAllowed, startServer } from '../src/dev/server.js';
import { openDev, request, type Dev } from './dev-helpers.js';
import { copyFixture, tempDir } from './helpers.js';

let dev: Dev | undefined;
const open = async (root?: string) => (dev = await openDev(root));
afterEach(async () => {
  await dev?.close();
  dev = undefined;
});

describe('linklog dev refuses what is not for it', () => {
  it('answers only requests addressed to this machine (DNS rebinding)', async () => {
    const { session } = await open();
    const port = session.server.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await request(port, '/links/', { host })).status, host).toBe(200);
    }
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `[::1]:${port + 1}`]) {
      const r = await request(port, '/links/', { host });
      expect(r.status, host).toBe(403);
      expect(r.body, host).not.toContain('<html');
    }
    // The event stream and the client script too: a foreign page must not learn when the author saves.
    expect((await request(port, '/__linklog/events', { host: `evil.example:${port}` })).status).toBe(403);
    expect((await request(port, '/__linklog/client.js', { host: `evil.example:${port}` })).status).toBe(403);
  });

  it('knows which Host headers are this machine', () => {
    expect(hostAllowed('127.0.0.1:8080', '127.0.0.1', 8080)).toBe(true);
    expect(hostAllowed('localhost:8080', '127.0.0.1', 8080)).toBe(true);
    expect(hostAllowed('[::1]:8080', '127.0.0.1', 8080)).toBe(true);
    expect(hostAllowed('[::1]:8080', '::1', 8080)).toBe(true);
    expect(hostAllowed('192.168.1.5:8080', '192.168.1.5', 8080)).toBe(true);
    expect(hostAllowed('mybox.local:8080', 'mybox.local', 8080)).toBe(true);
    expect(hostAllowed('localhost', '127.0.0.1', 80)).toBe(true);
    // Listening on every address (--host 0.0.0.0): any IP address, still no name.
    expect(hostAllowed('192.168.1.5:8080', '0.0.0.0', 8080)).toBe(true);
    expect(hostAllowed('[fe80::1]:8080', '::', 8080)).toBe(true);
    expect(hostAllowed('evil.example:8080', '0.0.0.0', 8080)).toBe(false);
    expect(hostAllowed('192.168.1.5:8080', '127.0.0.1', 8080)).toBe(false);
    expect(hostAllowed('evil.example:8080', '127.0.0.1', 8080)).toBe(false);
    expect(hostAllowed('localhost:8081', '127.0.0.1', 8080)).toBe(false);
    expect(hostAllowed('localhost:8080:8080', '127.0.0.1', 8080)).toBe(false);
    expect(hostAllowed('user@localhost:8080', '127.0.0.1', 8080)).toBe(false);
    expect(hostAllowed(undefined, '127.0.0.1', 8080)).toBe(false);
  });

  it('survives very long URLs and paths through files, and answers 404 (it crashed on ENAMETOOLONG)', async () => {
    const { session } = await open();
    const port = session.server.port;
    for (const p of [`/links/${'a'.repeat(300)}`, `/links/${'a'.repeat(300)}/`, `/links/${'a/'.repeat(3000)}`, '/links/feed.xml/x', '/links/feed.xml/x/', `/links/${'%2e'.repeat(200)}x`]) {
      const r = await request(port, p);
      expect([400, 404], p.slice(0, 40)).toContain(r.status);
    }
    // Within the server's 1 MiB header limit (raised for the capture form's query): answered by linklog.
    expect([400, 404]).toContain((await request(port, `/links/${'a'.repeat(100_000)}`)).status);
    // Beyond it: refused before it reaches linklog.
    const huge = await request(port, `/links/${'a'.repeat(1_100_000)}`).catch(() => ({ status: 0 }));
    expect([0, 414, 431]).toContain(huge.status);
    expect((await request(port, '/links/')).status).toBe(200);
  });

  it('never redirects off the site (//archive), never serves a dot file however the dot is spelled', async () => {
    const root = copyFixture('basic');
    const yaml = path.join(root, 'linklog.yaml');
    fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('https://example.org/links/', 'https://example.org/'));
    fs.mkdirSync(path.join(root, 'public/.hidden'));
    fs.writeFileSync(path.join(root, 'public/.hidden/x.txt'), 'hidden');
    const { session } = await open(root);
    const port = session.server.port;
    for (const p of ['//archive', '///archive', '//tags/web']) {
      const r = await request(port, p);
      expect(r.status, p).toBe(301);
      expect(r.headers.location, p).toMatch(/^\/[^/\\]/);
    }
    expect((await request(port, '/archive')).headers.location).toBe('/archive/');
    for (const p of ['/.linklog-site', '/%2elinklog-site', '/%2Elinklog-site', '/.hidden/x.txt', '/%2ehidden/x.txt', '/%2ehidden/']) {
      const r = await request(port, p);
      expect(r.status, p).toBe(404);
      expect(r.body, p).not.toContain('hidden');
    }
  });

  it('serves public files whose names need escaping (%2B, spaces, non-ASCII)', async () => {
    const root = copyFixture('basic');
    fs.mkdirSync(path.join(root, 'public/files'));
    for (const name of ['c++.txt', 'a b.txt', 'café.txt', '100%.txt', 'q?.txt', 'h#.txt']) fs.writeFileSync(path.join(root, 'public/files', name), `file ${name}`);
    const { session } = await open(root);
    const port = session.server.port;
    for (const [p, name] of [
      ['/links/files/c%2B%2B.txt', 'c++.txt'],
      ['/links/files/c++.txt', 'c++.txt'],
      ['/links/files/a%20b.txt', 'a b.txt'],
      ['/links/files/caf%C3%A9.txt', 'café.txt'],
      ['/links/files/100%25.txt', '100%.txt'],
      ['/links/files/q%3F.txt', 'q?.txt'],
      ['/links/files/h%23.txt', 'h#.txt'],
    ]) {
      const r = await request(port, p);
      expect(r.status, p).toBe(200);
      expect(r.body, p).toBe(`file ${name}`);
      expect(r.headers['content-type'], p).toBe('text/plain; charset=utf-8');
    }
    const css = await request(port, '/links/style.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const again = await request(port, '/links/style.css', { 'if-none-match': css.headers.etag as string });
    expect(again.status).toBe(304);
  });
});

describe('linklog dev under many or stalled clients', () => {
  it('holds at most 100 live-reload pages, refuses more with 503, and keeps answering', async () => {
    const { session, get } = await open();
    const port = session.server.port;
    const own = session.server.clients(); // the test's own page
    const sockets: net.Socket[] = [];
    const statuses = await Promise.all(
      Array.from({ length: 300 }, () =>
        new Promise<number>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => s.write(`GET /__linklog/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
          sockets.push(s);
          let head = '';
          s.setEncoding('utf8');
          s.on('data', (c: string) => {
            head += c;
            const m = /^HTTP\/1\.1 (\d+)/.exec(head);
            if (m) resolve(Number(m[1]));
          });
          s.on('error', () => resolve(0));
          s.on('close', () => resolve(0));
        }),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(100 - own);
    expect(statuses.filter((s) => s === 503)).toHaveLength(200 + own);
    expect(session.server.clients()).toBe(100);
    expect((await get('')).status).toBe(200);
    for (const s of sockets) s.destroy();
  });

  it('drops a live-reload page that stops reading, instead of holding its events', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'index.html'), '<p>hi</p>');
    const dropped: string[] = [];
    const server = await startServer({ root, basePath: '/', host: '127.0.0.1', port: 0, onDrop: (why) => dropped.push(why) });
    try {
      const stalled = net.connect(server.port, '127.0.0.1');
      const answered = new Promise<void>((resolve) => stalled.once('data', () => resolve()));
      stalled.write(`GET /__linklog/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
      await answered;
      stalled.pause(); // reads nothing from now on
      expect(server.clients()).toBe(1);
      const big = 'x'.repeat(64 * 1024);
      let sent = 0;
      // The kernel takes some megabytes first; then the unread events would pile up in the server, but it drops the page.
      while (server.clients() > 0 && sent < 2000) {
        server.broadcast('problems', [big]);
        sent++;
      }
      expect(server.clients()).toBe(0);
      expect(dropped).toEqual(['unread']);
      expect(sent).toBeLessThan(2000);
      stalled.destroy();
      expect((await request(server.port, '/')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('closes a connection that never reads its page', async () => {
    const root = tempDir();
    // A sparse gigabyte: more than the kernel's socket buffers can take (up to 32 MiB each way here).
    fs.writeFileSync(path.join(root, 'big.bin'), '');
    fs.truncateSync(path.join(root, 'big.bin'), 2 ** 30);
    let idle!: () => void;
    const dropped = new Promise<void>((resolve) => (idle = resolve));
    const server = await startServer({ root, basePath: '/', host: '127.0.0.1', port: 0, idleMs: 300, onDrop: (why) => why === 'idle' && idle() });
    try {
      const s = net.connect(server.port, '127.0.0.1');
      s.write(`GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
      await new Promise<void>((resolve) => s.once('data', () => resolve()));
      s.pause();
      await dropped;
      // What it got is less than the file, and then the end.
      let got = 0;
      s.on('data', (c: Buffer) => (got += c.length));
      s.resume();
      await new Promise<void>((resolve) => s.once('close', () => resolve()));
      expect(got).toBeLessThan(2 ** 30);
      expect((await request(server.port, '/', {})).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
