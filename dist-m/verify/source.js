/**
 * Where `linklog verify` reads a site from: a built folder, or a deployed site over HTTP.
 * Both answer the same question, "what is at this URL?"; a folder is read as a static
 * host serves it (`/a/` is `a/index.html`, `/a` is `a` or, as a redirect, `a/index.html`).
 */
import fs from 'node:fs';
import path from 'node:path';
const TYPES = {
    '.html': 'text/html',
    '.xml': 'application/xml',
    '.json': 'application/json',
    '.css': 'text/css',
    '.js': 'text/javascript',
    '.txt': 'text/plain',
};
/** A built folder, read as if served at `base`. */
export function folderSource(dir, base) {
    const root = path.resolve(dir);
    const fileOf = (url) => {
        const u = new URL(url);
        if (u.origin !== base.origin || !u.pathname.startsWith(base.pathname))
            return undefined;
        let rel;
        try {
            rel = decodeURIComponent(u.pathname.slice(base.pathname.length));
        }
        catch {
            return undefined;
        }
        if (rel === '' || rel.endsWith('/'))
            rel += 'index.html';
        const abs = path.resolve(root, rel);
        return abs === root || abs.startsWith(root + path.sep) ? abs : undefined;
    };
    return {
        base,
        where: (url) => {
            const abs = fileOf(url);
            return abs ? path.relative(process.cwd(), abs) || abs : url;
        },
        async get(url, withBody) {
            let abs = fileOf(url);
            if (!abs)
                return { url, status: 404, error: 'not under the site' };
            try {
                if (fs.statSync(abs).isDirectory())
                    abs = path.join(abs, 'index.html');
                const body = withBody ? fs.readFileSync(abs, 'utf8') : (fs.accessSync(abs), undefined);
                return { url, status: 200, contentType: TYPES[path.extname(abs)] ?? 'application/octet-stream', body };
            }
            catch {
                return { url, status: 404 };
            }
        },
    };
}
/** A deployed site over HTTP: at most `concurrency` requests at once, each with a timeout. */
export function httpSource(base, options) {
    const slots = limiter(options.concurrency);
    const request = async (url, method, withBody) => {
        try {
            const res = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(options.timeout), headers: { 'user-agent': 'linklog-verify' } });
            const ok = res.status >= 200 && res.status < 300;
            const body = withBody && ok ? await res.text() : undefined;
            if (!body)
                await res.body?.cancel();
            return { url, status: res.status, contentType: res.headers.get('content-type') ?? undefined, body, finalUrl: res.url };
        }
        catch (e) {
            const err = e;
            const why = err.name === 'TimeoutError' ? `no answer in ${options.timeout} ms` : (err.cause?.code ?? err.cause?.message ?? err.message);
            return { url, status: 0, error: why };
        }
    };
    return {
        base,
        where: (url) => url,
        get: (url, withBody) => slots(async () => {
            if (withBody)
                return request(url, 'GET', true);
            const head = await request(url, 'HEAD', false);
            // Some hosts refuse HEAD: ask again with GET.
            return head.status === 405 || head.status === 501 ? request(url, 'GET', false) : head;
        }),
    };
}
/** Runs at most `n` of the given jobs at once, in the order they come. */
export function limiter(n) {
    let running = 0;
    const waiting = [];
    return async (job) => {
        if (running >= n)
            await new Promise((resolve) => waiting.push(resolve));
        running++;
        try {
            return await job();
        }
        finally {
            running--;
            waiting.shift()?.();
        }
    };
}
//# sourceMappingURL=source.js.map