/**
 * The dev server: serves the output folder (and nothing outside it) with sirv,
 * adds the reload script to HTML pages, and pushes rebuild events to browsers
 * over Server-Sent Events.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, INJECTED_TAG } from './client.js';

export interface DevServerOptions {
  /** The output folder to serve. */
  root: string;
  /** The site's base path, e.g. `/` or `/links/`: the site is served under it. */
  basePath: string;
  host: string;
  port: number;
}

export interface DevServer {
  url: string;
  port: number;
  /** Sends an event to every open page. */
  broadcast(event: 'reload' | 'problems' | 'ok', data?: unknown): void;
  /** The event a page that connects now should get first (current problems, if any). */
  setState(event: 'problems' | 'ok', data?: unknown): void;
  /** The site moved under another base path (its baseUrl changed). */
  setBasePath(basePath: string): void;
  close(): Promise<void>;
}

const NO_CACHE = 'no-cache';

function contentTypeFor(file: string): string | undefined {
  if (file.endsWith('sitemap.xml')) return 'application/xml; charset=utf-8';
  if (file.endsWith('.xml')) return 'application/atom+xml; charset=utf-8';
  return undefined;
}

/** The file a request path names inside `root`, or undefined; never a path outside it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return undefined;
  const abs = path.join(root, ...segments.filter(Boolean));
  if (abs !== root && !abs.startsWith(root + path.sep)) return undefined;
  return abs;
}

function injectClient(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + INJECTED_TAG : `${html.slice(0, at)}${INJECTED_TAG}\n${html.slice(at)}`;
}

export async function startServer(options: DevServerOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  const withSlash = (p: string) => (p.endsWith('/') ? p : `${p}/`);
  let basePath = withSlash(options.basePath);
  const clients = new Set<http.ServerResponse>();
  let state: { event: 'problems' | 'ok'; data?: unknown } = { event: 'ok' };
  const statics = sirv(root, {
    dev: true,
    etag: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', NO_CACHE);
      const type = contentTypeFor(pathname);
      if (type) res.setHeader('Content-Type', type);
    },
  });

  const sendHtml = (res: http.ServerResponse, file: string, status: number, head: boolean) => {
    const body = injectClient(fs.readFileSync(file, 'utf8'));
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NO_CACHE, 'Content-Length': Buffer.byteLength(body) });
    res.end(head ? undefined : body);
  };
  const notFound = (res: http.ServerResponse, head: boolean) => {
    const page = path.join(root, '404.html');
    if (fs.existsSync(page)) return sendHtml(res, page, 404, head);
    // No site yet (the first build failed): a page that shows the problems and reloads when they are fixed.
    const body = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Not built yet</title></head><body><h1>linklog dev</h1><p>The site has not been built yet: the problems are listed below and in the terminal.</p>${INJECTED_TAG}\n</body></html>\n`;
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NO_CACHE });
    res.end(head ? undefined : body);
  };

  const server = http.createServer((req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }
    const rawPath = (req.url ?? '/').split('?')[0].split('#')[0];
    if (rawPath === EVENTS_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': NO_CACHE, Connection: 'keep-alive' });
      res.write(`retry: 500\nevent: ${state.event}\ndata: ${JSON.stringify(state.data ?? null)}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (rawPath === CLIENT_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': NO_CACHE });
      return res.end(head ? undefined : CLIENT_SCRIPT);
    }
    if (basePath !== '/' && (rawPath === '/' || rawPath === basePath.slice(0, -1))) {
      res.writeHead(302, { Location: basePath, 'Cache-Control': NO_CACHE });
      return res.end();
    }
    if (!rawPath.startsWith(basePath)) return notFound(res, head);
    const sitePath = `/${rawPath.slice(basePath.length)}`;
    const file = resolveInside(root, sitePath);
    if (file === undefined) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_CACHE });
      return res.end(head ? undefined : 'Bad request\n');
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!sitePath.endsWith('/')) {
        res.writeHead(301, { Location: `${rawPath}/`, 'Cache-Control': NO_CACHE });
        return res.end();
      }
      const index = path.join(file, 'index.html');
      stat = fs.statSync(index, { throwIfNoEntry: false });
      return stat?.isFile() ? sendHtml(res, index, 200, head) : notFound(res, head);
    }
    // Dot files (linklog's marker, editors' leftovers) are not part of the site.
    if (!stat?.isFile() || sitePath.split('/').some((seg) => seg.startsWith('.'))) return notFound(res, head);
    if (file.endsWith('.html')) return sendHtml(res, file, 200, head);
    req.url = sitePath;
    statics(req, res, () => notFound(res, head));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    get url() {
      return `http://${hostForUrl}:${port}${basePath}`;
    },
    port,
    setBasePath(next) {
      basePath = withSlash(next);
    },
    broadcast(event, data) {
      const message = `event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`;
      for (const c of clients) c.write(message);
    },
    setState(event, data) {
      state = { event, data };
    },
    close() {
      for (const c of clients) c.end();
      clients.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
