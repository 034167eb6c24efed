import { htmlUrl } from '../../lib/href.js';
import { elementsOf } from './elements.js';
const URL_PROPS = ['href', 'src', 'cite', 'longDesc', 'poster'];
export default function rehypeResolveUrls() {
    return (tree, file) => {
        const ctx = file.data.entry;
        if (!ctx)
            return;
        const ids = file.data.ids ?? new Set();
        const feedUrls = [];
        const siteRoot = new URL(ctx.baseUrl).origin + ctx.basePath;
        const forPage = (abs) => (abs.startsWith(siteRoot) ? ctx.basePath + abs.slice(siteRoot.length) : abs);
        const set = (node, prop, page, feed) => {
            node.properties[prop] = page;
            if (feed !== page)
                feedUrls.push({ node, prop, value: feed });
        };
        for (const node of elementsOf(tree)) {
            const props = node.properties;
            for (const prop of URL_PROPS) {
                const value = props[prop];
                if (typeof value !== 'string')
                    continue;
                if (value.startsWith('#')) {
                    const target = ctx.idPrefix + safeDecode(value.slice(1));
                    if (ids.has(target)) {
                        set(node, prop, htmlUrl(`#${target}`), `${ctx.permalink}#${encodeURIComponent(target)}`);
                        continue;
                    }
                }
                const abs = resolve(value, ctx);
                if (abs === undefined)
                    delete props[prop];
                else
                    set(node, prop, forPage(abs), abs);
            }
            const srcSet = props.srcSet;
            if (srcSet !== undefined) {
                // Each candidate is held to what `src` is: an http(s) URL once resolved. One that is
                // not (javascript:, data:…) drops the whole srcset; `src` stays.
                const candidates = parseSrcset(Array.isArray(srcSet) ? srcSet.join(',') : String(srcSet));
                const resolved = candidates.map(({ url, descriptor }) => {
                    const abs = resolve(url, ctx);
                    return abs !== undefined && /^https?:/.test(abs) ? { abs, descriptor } : undefined;
                });
                if (resolved.length === 0 || resolved.some((r) => r === undefined))
                    delete props.srcSet;
                else {
                    const join = (f) => resolved.map((r) => [f(r.abs), r.descriptor].filter(Boolean).join(' ')).join(', ');
                    set(node, 'srcSet', join(forPage), join((a) => a));
                }
            }
        }
        file.data.feedUrls = feedUrls;
    };
}
function resolve(value, ctx) {
    const text = value.trim();
    try {
        // A root-relative link points into the site, so it takes the base path.
        if (text.startsWith('/') && !text.startsWith('//'))
            return htmlUrl(new URL(text.slice(1), ctx.baseUrl).href);
        return htmlUrl(new URL(text, ctx.permalink).href);
    }
    catch {
        return undefined;
    }
}
/**
 * The candidates of a srcset as HTML reads them: a URL is a run of non-spaces (commas
 * in it, as in `data:` URLs, belong to it, except at its end), then descriptors up to a
 * comma outside parentheses.
 */
export function parseSrcset(text) {
    const out = [];
    let i = 0;
    const n = text.length;
    const space = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
    while (i < n) {
        while (i < n && (space(text[i]) || text[i] === ','))
            i++;
        if (i >= n)
            break;
        let j = i;
        while (j < n && !space(text[j]))
            j++;
        let url = text.slice(i, j);
        i = j;
        let descriptor = '';
        if (url.endsWith(','))
            url = url.replace(/,+$/, '');
        else {
            let depth = 0;
            const start = i;
            for (; i < n; i++) {
                const c = text[i];
                if (c === '(')
                    depth++;
                else if (c === ')')
                    depth = Math.max(0, depth - 1);
                else if (c === ',' && depth === 0)
                    break;
            }
            descriptor = text.slice(start, i).trim().replace(/\s+/g, ' ');
            i++;
        }
        if (url)
            out.push({ url, descriptor });
    }
    return out;
}
function safeDecode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
//# sourceMappingURL=rehype-resolve-urls.js.map