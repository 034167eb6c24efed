/**
 * Tracking parameters and link identity, for everything that adds links (`new`, `dev`'s
 * capture form, and `import`): pure functions of a url string.
 */
import { htmlUrl } from '../lib/href.js';
/** Stripped by default; `stripParams` in linklog.yaml replaces the list. A name ending in `*` is a prefix. */
export const DEFAULT_STRIP_PARAMS = ['utm_*', 'fbclid', 'gclid', 'dclid', 'mc_cid', 'mc_eid', 'igshid', 'ref_src', '_hsenc'];
function matcher(names) {
    const exact = new Set(names.filter((n) => !n.endsWith('*')));
    const prefixes = names.filter((n) => n.endsWith('*')).map((n) => n.slice(0, -1));
    return (name) => exact.has(name) || prefixes.some((p) => name.startsWith(p));
}
function paramName(pair) {
    const raw = pair.split('=', 1)[0].replaceAll('+', ' ');
    try {
        return decodeURIComponent(raw);
    }
    catch {
        return raw;
    }
}
/**
 * Removes the query parameters named in `names` (default: DEFAULT_STRIP_PARAMS) and
 * nothing else: the other parameters keep their order and their exact spelling (the
 * query is not re-encoded), the fragment stays. A url that does not parse is returned as it is.
 */
export function stripTracking(url, names = DEFAULT_STRIP_PARAMS) {
    if (names.length === 0)
        return { url, removed: [] };
    // A `?` inside the fragment (`#section?utm_source=x`, `#!/search?q=1`) is the fragment's own.
    const hashAt = url.indexOf('#');
    const q = url.indexOf('?');
    if (q === -1 || (hashAt !== -1 && hashAt < q))
        return { url, removed: [] };
    const query = url.slice(q + 1, hashAt === -1 ? undefined : hashAt);
    const fragment = hashAt === -1 ? '' : url.slice(hashAt);
    const strip = matcher(names);
    const removed = [];
    const kept = query.split('&').filter((pair) => {
        if (pair === '')
            return true;
        const name = paramName(pair);
        if (!strip(name))
            return true;
        removed.push(name);
        return false;
    });
    if (removed.length === 0)
        return { url, removed };
    const rest = kept.some((p) => p !== '') ? `?${kept.join('&')}` : '';
    return { url: `${url.slice(0, q)}${rest}${fragment}`, removed };
}
/**
 * The identity of a link, however it was written, wherever it is compared (`new`, capture and
 * `import` alike): the WHATWG serialisation (scheme and host lower-cased, default port dropped),
 * with what parseWebUrl percent-encodes (`|`, `[`, `]`…) encoded, as entries store their urls; the
 * fragment is dropped unless it is a route of a single-page app (`#/…`, `#!…`).
 * A url that does not parse is its own identity.
 */
export function linkKey(url) {
    try {
        const u = new URL(url);
        if (!/^#!|^#\//.test(u.hash))
            u.hash = '';
        return htmlUrl(u.href);
    }
    catch {
        return url;
    }
}
//# sourceMappingURL=tracking.js.map