/**
 * Links in imported bodies that pointed into the old site. A link to a post that is imported
 * (root-relative, or absolute to `--source-url`) is made a link to its new page, so links
 * between migrated posts stay inside the site; other root-relative links are made absolute
 * to the old site (with `--source-url`), so they do not point at nothing in the new one.
 */
/** The key an old path is looked up by: decoded, without `index.html`, with a trailing slash when it has no extension. */
export function oldPathKey(p) {
    let key;
    try {
        key = decodeURI(p);
    }
    catch {
        key = p;
    }
    key = key.replace(/\/index\.html?$/i, '/');
    if (!key.endsWith('/') && !/\.[a-z0-9]+$/i.test(key.slice(key.lastIndexOf('/'))))
        key += '/';
    return key;
}
/** Link targets in Markdown and in raw HTML: `](target`, `[ref]: target`, `href=`/`src=`. */
const TARGET = /(\]\(\s*<?|^\s{0,3}\[[^\]\n]+\]:\s*<?|\b(?:href|src)\s*=\s*["']?)([^\s)"'<>]+)/gim;
/**
 * Files a page bundle's body refers to by a relative path (`figure.png`, `./a/b.pdf`), as
 * paths relative to the post's folder: query, fragment and `./` dropped, %-escapes decoded.
 * Paths that leave the folder, and those without a file extension (pages), are left out.
 */
export function relativeFiles(markdown) {
    const out = new Set();
    for (const m of markdown.matchAll(TARGET)) {
        const target = m[2];
        if (/^[a-z][a-z0-9+.-]*:|^[/#\\]/i.test(target))
            continue;
        let p = target.replace(/[?#].*$/, '');
        try {
            p = decodeURI(p);
        }
        catch {
            // left as written
        }
        const norm = p.split('/').filter((s) => s !== '' && s !== '.');
        if (norm.includes('..') || norm.length === 0 || !/\.[a-z0-9]+$/i.test(norm[norm.length - 1]))
            continue;
        out.add(norm.join('/'));
    }
    return [...out].sort();
}
/**
 * `text` with its links rewritten; `moved`: how many now point at an imported post's new page;
 * `unresolved`: root-relative links to something not imported, left as written (no `sourceUrl`).
 */
export function rewriteOldLinks(markdown, options) {
    let moved = 0;
    const unresolved = [];
    let oldHost;
    let oldBase = '';
    if (options.sourceUrl) {
        const u = new URL(options.sourceUrl);
        oldHost = u.host.replace(/^www\./, '');
        oldBase = u.pathname.replace(/\/+$/, '');
    }
    const text = markdown.replace(TARGET, (whole, lead, target) => {
        let p;
        if (target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\'))
            p = target;
        else if (oldHost && /^https?:\/\//i.test(target)) {
            try {
                const u = new URL(target);
                if (u.host.replace(/^www\./, '') === oldHost && (u.pathname + '/').startsWith(`${oldBase}/`))
                    p = u.pathname.slice(oldBase.length) + u.search + u.hash;
            }
            catch {
                // not a url: left as written
            }
        }
        if (p === undefined)
            return whole;
        const m = /^([^?#]*)([?#].*)?$/.exec(p);
        const to = options.moved.get(oldPathKey(m[1]));
        if (to !== undefined) {
            moved++;
            return `${lead}${to}${m[2]?.startsWith('#') ? m[2] : ''}`;
        }
        // A root-relative link to something not imported: to the old site, where it was.
        if (options.sourceUrl && target.startsWith('/'))
            return `${lead}${options.sourceUrl}${target}`;
        if (!unresolved.includes(target))
            unresolved.push(target);
        return whole;
    });
    return { text, moved, unresolved };
}
//# sourceMappingURL=links.js.map