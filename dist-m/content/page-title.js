/**
 * A page's title, fetched for `linklog new` (and the capture form) when none is given:
 * http(s) only, a few redirects, a time limit and a size cap; `og:title`, else `<title>`,
 * decoded with the page's declared charset and read with an HTML parser.
 */
import { TextDecoder } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import iconv from 'iconv-lite';
import { VERSION } from '../lib/package.js';
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;
/** A title made from a url when the page gives none: host (without `www.`) and path. */
export function titleFromUrl(url) {
    try {
        const u = new URL(url);
        let p = u.pathname.replace(/\/+$/, '');
        try {
            p = decodeURIComponent(p);
        }
        catch {
            // keep it encoded
        }
        return `${u.hostname.replace(/^www\./, '')}${p}`;
    }
    catch {
        return url;
    }
}
function why(e, timeoutMs) {
    const err = e;
    if (err.name === 'AbortError' || err.name === 'TimeoutError')
        return `no answer within ${timeoutMs >= 1000 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}`;
    const code = err.cause?.code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return 'could not resolve the host (offline?)';
    if (code === 'ECONNREFUSED')
        return 'connection refused';
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
        return 'the connection was closed';
    if (code?.startsWith('ERR_TLS') || code?.includes('CERT'))
        return `TLS error (${code})`;
    return err.cause?.message ?? err.message;
}
/** Fetches `url` and finds its title; never throws: a failure says why in one line. */
export async function fetchPageTitle(url, options = {}) {
    const timeoutMs = options.timeoutMs ?? 5000;
    const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
    const maxRedirects = options.maxRedirects ?? 5;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
        let current = url;
        const seen = new Set();
        for (let hop = 0;; hop++) {
            let parsed;
            try {
                parsed = new URL(current);
            }
            catch {
                return { ok: false, reason: `not a url: ${current}` };
            }
            if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
                return { ok: false, reason: hop ? `redirected to a ${parsed.protocol.slice(0, -1)}: url` : `not an http(s) url` };
            }
            seen.add(parsed.href);
            const res = await fetch(parsed, {
                redirect: 'manual',
                signal: controller.signal,
                headers: { 'User-Agent': `linklog/${VERSION} (title fetch)`, Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
            });
            const location = res.headers.get('location');
            if (res.status >= 300 && res.status < 400 && location) {
                await res.body?.cancel();
                const next = new URL(location, parsed).href;
                if (seen.has(next))
                    return { ok: false, reason: `redirect loop (${next} again)` };
                if (hop >= maxRedirects)
                    return { ok: false, reason: `more than ${maxRedirects} redirects` };
                current = next;
                continue;
            }
            if (!res.ok) {
                await res.body?.cancel();
                return { ok: false, reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
            }
            const type = res.headers.get('content-type') ?? '';
            if (type && !HTML_TYPES.test(type)) {
                await res.body?.cancel();
                return { ok: false, reason: `not an HTML page (${type.split(';')[0]})` };
            }
            const { bytes, truncated } = await readCapped(res, maxBytes);
            const found = titleOf(bytes, charsetParam(type));
            if (!found.title)
                return { ok: false, reason: 'the page has no title' };
            return { ok: true, title: found.title, from: found.from, url: parsed.href, charset: found.charset, truncated };
        }
    }
    catch (e) {
        return { ok: false, reason: why(e, timeoutMs) };
    }
    finally {
        clearTimeout(timer);
    }
}
async function readCapped(res, maxBytes) {
    const chunks = [];
    let total = 0;
    let truncated = false;
    if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            const room = maxBytes - total;
            chunks.push(value.length > room ? value.subarray(0, room) : value);
            total += Math.min(value.length, room);
            if (total >= maxBytes) {
                truncated = true;
                await reader.cancel();
                break;
            }
        }
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
    }
    return { bytes, truncated };
}
function charsetParam(contentType) {
    const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
    return m?.[1];
}
/**
 * A decoder for a charset label, as browsers read it (`iso-8859-1` is windows-1252).
 * Node 20's TextDecoder reads windows-1252 as Latin-1 (0x80–0x9F become control
 * characters, not “ ” € –), so that one goes through iconv-lite.
 */
function decoderFor(label) {
    if (!label)
        return undefined;
    let d;
    try {
        d = new TextDecoder(label.trim());
    }
    catch {
        return undefined;
    }
    if (d.encoding === 'windows-1252')
        return { encoding: d.encoding, decode: (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252') };
    return d;
}
function* elements(node) {
    for (const child of node.children) {
        if (child.type !== 'element')
            continue;
        yield child;
        // The titles of inline SVG are not the page's.
        if (child.tagName !== 'svg')
            yield* elements(child);
    }
}
function attr(el, name) {
    const v = el.properties?.[name];
    return Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? undefined : String(v);
}
function text(el) {
    return el.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');
}
/** The charset a `<meta>` declares, read from the page decoded as Latin-1 (every byte kept). */
function declaredCharset(bytes) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
    for (const el of elements(fromHtml(head))) {
        if (el.tagName !== 'meta')
            continue;
        const charset = attr(el, 'charSet');
        if (charset)
            return charset;
        if (attr(el, 'httpEquiv')?.toLowerCase() === 'content-type') {
            const c = charsetParam(attr(el, 'content') ?? '');
            if (c)
                return c;
        }
    }
    return undefined;
}
function pickDecoder(bytes, header) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        return new TextDecoder('utf-8');
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return new TextDecoder('utf-16be');
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return new TextDecoder('utf-16le');
    const declared = decoderFor(header) ?? decoderFor(declaredCharset(bytes));
    // A page in ASCII-compatible bytes cannot really be UTF-16 (what browsers do too).
    if (declared && !declared.encoding.startsWith('utf-16'))
        return declared;
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return new TextDecoder('utf-8');
    }
    catch {
        return decoderFor('windows-1252');
    }
}
/** `og:title`, else the first `<title>`, with entities resolved and whitespace collapsed. */
export function titleOf(bytes, headerCharset) {
    const decoder = pickDecoder(bytes, headerCharset);
    const tree = fromHtml(decoder.decode(bytes));
    const clean = (s) => (s ?? '').replace(/\s+/gu, ' ').trim();
    let title;
    for (const el of elements(tree)) {
        if (el.tagName === 'meta' && (attr(el, 'property') ?? attr(el, 'name'))?.toLowerCase() === 'og:title') {
            const og = clean(attr(el, 'content'));
            if (og)
                return { title: og, from: 'og:title', charset: decoder.encoding };
        }
        if (el.tagName === 'title' && title === undefined)
            title = clean(text(el));
    }
    return { title: title || undefined, from: 'title', charset: decoder.encoding };
}
//# sourceMappingURL=page-title.js.map