/**
 * The dev server: serves the output folder (and nothing outside it), adds the reload
 * script to HTML pages, and pushes rebuild events to browsers over Server-Sent Events.
 * It answers only requests addressed to this machine (a foreign Host header is DNS
 * rebinding), holds a bounded number of live-reload pages, and drops the ones that stop reading.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { lookup as mimeType } from 'mrmime';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, INJECTED_TAG } from './client.js';
const NO_CACHE = 'no-cache';
const MAX_CLIENTS = 100;
/** Bytes of events a page may leave unread before it is dropped (it reconnects if it is alive). */
const MAX_UNREAD = 256 * 1024;
/** A connection that moves no byte for this long is closed (a client that never reads). */
const IDLE_MS = 60_000;
/** Sockets held at once; the rest wait in the kernel's queue. */
const MAX_CONNECTIONS = 512;
/**
 * The largest request line and headers (Node's default is 16 KiB), and the capture form's
 * largest POST body: the bookmarklet puts the page's selection in the query string.
 */
export const MAX_REQUEST = 1024 * 1024;
function contentTypeFor(file) {
    if (file.endsWith('sitemap.xml'))
        return 'application/xml; charset=utf-8';
    if (file.endsWith('.xml'))
        return 'application/atom+xml; charset=utf-8';
    const type = mimeType(file) ?? 'application/octet-stream';
    return type.startsWith('text/') || type === 'application/json' ? `${type}; charset=utf-8` : type;
}
/**
 * Whether a request's Host header names this server: localhost, 127.0.0.1, [::1] or the
 * address it listens on, with its port; any IP address when it listens on all of them.
 * A name that is not one of these is a page elsewhere reaching in (DNS rebinding).
 */
export function hostAllowed(header, listenHost, port) {
    if (!header)
        return false;
    const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(header.trim().toLowerCase());
    if (!m)
        return false;
    const [, name, givenPort] = m;
    if ((givenPort === undefined ? 80 : Number(givenPort)) !== port)
        return false;
    const listen = listenHost.toLowerCase();
    const names = new Set(['localhost', '127.0.0.1', '[::1]', listen.includes(':') ? `[${listen}]` : listen]);
    if (names.has(name))
        return true;
    return (listen === '0.0.0.0' || listen === '::' || listen === '') && net.isIP(name.replace(/^\[|\]$/g, '')) !== 0;
}
/** A stat that never throws: a path through a file (ENOTDIR), too long, or looping is not there. */
function statOf(abs) {
    try {
        return fs.statSync(abs, { throwIfNoEntry: false });
    }
    catch {
        return undefined;
    }
}
/** The file a request path names inside `root`, or undefined; never a path outside it. */
export function resolveInside(root, urlPath) {
    let decoded;
    try {
        decoded = decodeURIComponent(urlPath);
    }
    catch {
        return undefined;
    }
    if (decoded.includes('\0') || decoded.includes('\\'))
        return undefined;
    const segments = decoded.split('/');
    if (segments.some((s) => s === '..' || s === '.'))
        return undefined;
    const abs = path.join(root, ...segments.filter(Boolean));
    if (abs !== root && !abs.startsWith(root + path.sep))
        return undefined;
    return abs;
}
function injectClient(html) {
    const at = html.lastIndexOf('</body>');
    return at === -1 ? html + INJECTED_TAG : `${html.slice(0, at)}${INJECTED_TAG}\n${html.slice(at)}`;
}
export async function startServer(options) {
    const root = path.resolve(options.root);
    const withSlash = (p) => (p.endsWith('/') ? p : `${p}/`);
    let basePath = withSlash(options.basePath);
    const maxClients = options.maxClients ?? MAX_CLIENTS;
    const clients = new Set();
    let state = { event: 'ok' };
    let port = options.port;
    const plain = (res, status, text, head, headers = {}) => {
        res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_CACHE, ...headers });
        res.end(head ? undefined : `${text}\n`);
    };
    const sendHtml = (res, file, status, head) => {
        let html;
        try {
            html = fs.readFileSync(file, 'utf8');
        }
        catch {
            // Gone between the stat and the read (a rebuild removed it).
            return status === 404 ? plain(res, 404, 'Not found', head) : notFound(res, head);
        }
        const body = injectClient(html);
        res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NO_CACHE, 'Content-Length': Buffer.byteLength(body) });
        res.end(head ? undefined : body);
    };
    const notFound = (res, head) => {
        const page = path.join(root, '404.html');
        if (statOf(page)?.isFile())
            return sendHtml(res, page, 404, head);
        // No site yet (the first build failed): a page that shows the problems and reloads when they are fixed.
        const body = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Not built yet</title></head><body><h1>linklog dev</h1><p>The site has not been built yet: the problems are listed below and in the terminal.</p>${INJECTED_TAG}\n</body></html>\n`;
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NO_CACHE });
        res.end(head ? undefined : body);
    };
    /** Any other file, streamed (a client that reads slowly holds a stream's buffer, not the file). */
    const sendFile = (req, res, file, stat, head) => {
        const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
        const headers = { 'Content-Type': contentTypeFor(file), 'Cache-Control': NO_CACHE, ETag: etag, 'Last-Modified': stat.mtime.toUTCString() };
        if (req.headers['if-none-match'] === etag) {
            res.writeHead(304, headers);
            return res.end();
        }
        res.writeHead(200, { ...headers, 'Content-Length': stat.size });
        if (head)
            return res.end();
        const stream = fs.createReadStream(file);
        stream.on('error', () => res.destroy());
        res.on('close', () => stream.destroy());
        stream.pipe(res);
    };
    const events = (req, res) => {
        if (clients.size >= maxClients)
            return plain(res, 503, `linklog dev: ${maxClients} pages already get live reload; close some tabs`, false, { 'Retry-After': '5' });
        // A page waits on its event stream for as long as it is open: no idle timeout, but see broadcast.
        req.socket.setTimeout(0);
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': NO_CACHE, Connection: 'keep-alive' });
        res.write(`retry: 500\nevent: ${state.event}\ndata: ${JSON.stringify(state.data ?? null)}\n\n`);
        clients.add(res);
        res.on('close', () => clients.delete(res));
    };
    const handle = (req, res) => {
        const head = req.method === 'HEAD';
        if (!hostAllowed(req.headers.host, options.host, port)) {
            return plain(res, 403, 'linklog dev answers only requests for this machine (use http://localhost or 127.0.0.1 with its port, or the --host it listens on)', head);
        }
        if (options.extra?.handle(req, res))
            return;
        if (req.method !== 'GET' && !head) {
            res.writeHead(405, { Allow: 'GET, HEAD' });
            return res.end();
        }
        const rawPath = (req.url ?? '/').split('?')[0].split('#')[0];
        if (rawPath === EVENTS_PATH)
            return events(req, res);
        if (rawPath === CLIENT_PATH) {
            res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': NO_CACHE });
            return res.end(head ? undefined : CLIENT_SCRIPT + (options.extra?.clientScript ?? ''));
        }
        if (basePath !== '/' && (rawPath === '/' || rawPath === basePath.slice(0, -1))) {
            res.writeHead(302, { Location: basePath, 'Cache-Control': NO_CACHE });
            return res.end();
        }
        if (!rawPath.startsWith(basePath))
            return notFound(res, head);
        const sitePath = `/${rawPath.slice(basePath.length)}`;
        const file = resolveInside(root, sitePath);
        if (file === undefined)
            return plain(res, 400, 'Bad request', head);
        // Dot files (linklog's marker, editors' leftovers) are not part of the site, however the dot is spelled (%2e).
        if (path.relative(root, file).split(path.sep).some((seg) => seg.startsWith('.')))
            return notFound(res, head);
        const stat = statOf(file);
        if (stat?.isDirectory()) {
            if (!sitePath.endsWith('/')) {
                // One leading slash: `//archive/` would be another host's address.
                res.writeHead(301, { Location: `${rawPath.replace(/^\/+/, '/')}/`, 'Cache-Control': NO_CACHE });
                return res.end();
            }
            const index = path.join(file, 'index.html');
            return statOf(index)?.isFile() ? sendHtml(res, index, 200, head) : notFound(res, head);
        }
        if (!stat?.isFile())
            return notFound(res, head);
        if (file.endsWith('.html'))
            return sendHtml(res, file, 200, head);
        sendFile(req, res, file, stat, head);
    };
    const server = http.createServer({ maxHeaderSize: MAX_REQUEST }, (req, res) => {
        try {
            handle(req, res);
        }
        catch (e) {
            // No request may take the server down.
            if (res.headersSent)
                res.destroy();
            else
                plain(res, 500, `linklog dev: ${e.message}`, false);
        }
    });
    server.maxConnections = MAX_CONNECTIONS;
    server.setTimeout(options.idleMs ?? IDLE_MS, (socket) => {
        socket.destroy();
        options.onDrop?.('idle');
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    port = server.address().port;
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
            for (const c of clients) {
                // A page that stopped reading would hold every event from now on: it is dropped instead.
                if (c.writableLength > MAX_UNREAD) {
                    clients.delete(c);
                    c.destroy();
                    options.onDrop?.('unread');
                }
                else
                    c.write(message);
            }
        },
        setState(event, data) {
            state = { event, data };
        },
        clients: () => clients.size,
        close() {
            for (const c of clients)
                c.end();
            clients.clear();
            return new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
        },
    };
}
//# sourceMappingURL=server.js.map