/**
 * sitemaps.org 0.9: every listed page, absolute, in route order, in `sitemap.xml`. Over
 * 10,000 pages `sitemap.xml` is an index of parts under `sitemaps/`: a year's pages
 * together (a month's, when a year alone has more than the 50,000 a sitemap may hold),
 * the rest in `site`. Parts follow the calendar, so a new link changes its year's part,
 * not one file of every page (2 MB at 10,000 entries). `site` lists its pages without
 * `<lastmod>`: most of them (the front pages of the lists, the tag index, the archive) show
 * the newest links and would change it with each one, while the new link's own page, in its
 * year's part, tells a crawler as much.
 */
import { routes } from '../../config/urls.js';
import { sitemapIndexXml, urlFragment, urlsetXml } from '../../render/sitemap.js';
/** sitemaps.org: at most this many URLs in one sitemap file. */
export const SITEMAP_URLS = 50_000;
/** Up to this many URLs, one sitemap file. */
export const SITEMAP_SINGLE = 10_000;
export function sitemapOutput(limit = SITEMAP_URLS, single = Math.min(limit, SITEMAP_SINGLE)) {
    return {
        name: 'sitemap',
        plan({ settings, memo, items }) {
            const kept = memo(() => ({ fragments: new Map(), groups: new Map(), byPart: new WeakMap() }));
            const urlset = (path, part, dated = true) => ({
                path,
                output: 'sitemap',
                // Its text is what it is made from: the <url> fragments, the same strings while unchanged.
                inputs: { entries: [], values: part.map((p) => urlFragment(kept.fragments, settings, p.route, dated ? p.lastmod : undefined)) },
                render: (_ctx, inputs) => urlsetXml(inputs.values),
            });
            // Pages by the part they go in (a year's, or the rest), in plan order. A part of the plan
            // kept from the last one gives the pages it gave then, without its files being visited.
            const byName = new Map();
            let count = 0;
            const add = (name, pages) => {
                count += pages.length;
                const list = byName.get(name);
                if (list === undefined)
                    byName.set(name, [...pages]);
                else
                    for (let i = 0; i < pages.length; i++)
                        list.push(pages[i]);
            };
            for (const item of items()) {
                if (!isPart(item)) {
                    if (item.sitemap)
                        add(partName(item.sitemap.route, 1), [item.sitemap]);
                    continue;
                }
                let listed = kept.byPart.get(item);
                if (listed === undefined)
                    kept.byPart.set(item, (listed = listedOf(item)));
                for (const [name, pages] of listed)
                    add(name, pages);
            }
            if (count <= single) {
                kept.groups.clear();
                return [urlset(routes.sitemap(), sortRoutes([...byName.values()].flat()))];
            }
            // A part whose pages are as they were keeps its files: a new link re-sorts its year, not 100,000 routes.
            const groups = [];
            for (const [name, listed] of byName) {
                const last = kept.groups.get(name);
                const dated = name !== SITE_PART;
                if (last && last.base === settings.baseUrl && sameListed(last.listed, listed, dated)) {
                    groups.push(last);
                    continue;
                }
                const sorted = sortRoutes(listed);
                const parts = splitParts(name, sorted, limit).map(({ name: part, list }) => {
                    const route = routes.sitemapPart(part);
                    return { route, spec: urlset(route, list, dated) };
                });
                const group = { listed, base: settings.baseUrl, first: sorted[0].route, parts };
                kept.groups.set(name, group);
                groups.push(group);
            }
            for (const name of kept.groups.keys())
                if (!byName.has(name))
                    kept.groups.delete(name);
            groups.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
            const parts = groups.flatMap((g) => g.parts);
            // No <lastmod> per part: the index then changes only when a part is added or goes, and a
            // crawler learns of a changed part from the part's own Last-Modified.
            const index = {
                path: routes.sitemap(),
                output: 'sitemap',
                inputs: { entries: [], values: parts.map((p) => p.route) },
                render: (ctx) => sitemapIndexXml(ctx.settings, parts),
            };
            return [index, ...parts.map((p) => p.spec)];
        },
    };
}
function listedOf(files) {
    const byName = new Map();
    for (const f of files) {
        if (!f.sitemap)
            continue;
        const name = partName(f.sitemap.route, 1);
        const list = byName.get(name);
        if (list)
            list.push(f.sitemap);
        else
            byName.set(name, [f.sitemap]);
    }
    return [...byName];
}
function isPart(item) {
    return Array.isArray(item);
}
function sortRoutes(listed) {
    return [...listed].sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}
function sameListed(a, b, dated) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i] && (a[i].route !== b[i].route || (dated && a[i].lastmod !== b[i].lastmod)))
            return false;
    return true;
}
/** The part of the pages outside the calendar. */
const SITE_PART = 'site';
function partName(route, depth) {
    // Only calendar routes start with four digits and a slash (`2026/`, `2026/11/…`).
    const isYear = route.length > 4 && route[4] === '/' && isDigits(route, 0, 4);
    if (!isYear)
        return SITE_PART;
    const year = route.slice(0, 4);
    return depth === 2 && route.length > 7 && route[7] === '/' && isDigits(route, 5, 7) ? `${year}-${route.slice(5, 7)}` : year;
}
function isDigits(s, from, to) {
    for (let i = from; i < to; i++)
        if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57)
            return false;
    return true;
}
/** A group's parts: itself, or by month when a year has more than `limit` pages, then numbered slices. */
function splitParts(name, sorted, limit) {
    const byMonth = new Map();
    if (sorted.length > limit && name !== SITE_PART) {
        for (const p of sorted) {
            const sub = partName(p.route, 2);
            const list = byMonth.get(sub);
            if (list)
                list.push(p);
            else
                byMonth.set(sub, [p]);
        }
    }
    else
        byMonth.set(name, [...sorted]);
    const out = [];
    for (const [sub, part] of byMonth) {
        // Still too many (a month of over 50,000 links, or as many tags): numbered slices.
        for (let i = 0; i < part.length; i += limit)
            out.push({ name: i === 0 ? sub : `${sub}-${i / limit + 1}`, list: part.slice(i, i + limit) });
    }
    return out;
}
//# sourceMappingURL=sitemap.js.map