/**
 * The links check over a site's entries: which urls are due (the cache's time-to-live),
 * asking them (probe.ts), a Wayback Machine suggestion for dead ones, and the report as
 * diagnostics at each entry's `url:` line.
 */
import { error, sortDiagnostics, warning } from '../lib/diagnostics.js';
import { readLinkCache, writeLinkCache } from './cache.js';
import { prober } from './probe.js';
export async function checkLinks(root, entries, options) {
    const byUrl = new Map();
    for (const e of entries) {
        const place = { file: e.source, line: e.lines.url, day: e.date.day, archived: e.archived };
        const list = byUrl.get(e.url);
        if (list)
            list.push(place);
        else
            byUrl.set(e.url, [place]);
    }
    const cache = readLinkCache(root);
    const now = options.probe.now();
    const p = prober(options.probe);
    const links = await Promise.all([...byUrl].map(async ([url, places]) => {
        const cached = cache.get(url);
        if (!options.force && cached && now - cached.checkedAt < options.maxAge && now >= cached.checkedAt)
            return { ...cached, places, asked: false };
        const result = await p.probe(url);
        return { ...result, places, asked: true };
    }));
    if (options.wayback) {
        await Promise.all(links
            .filter((l) => l.verdict === 'dead' && l.wayback === undefined && !l.places.some((pl) => pl.archived))
            .map(async (l) => {
            l.wayback = await waybackCopy(p.getJson, options.waybackApi, l.url, l.places[0].day);
        }));
    }
    // Kept: this run's urls only (a link no longer in the site is forgotten). Unknowns are not kept: asked next time.
    writeLinkCache(root, new Map(links.filter((l) => l.verdict !== 'unknown').map(({ places: _places, asked: _asked, ...r }) => [r.url, r])));
    const diagnostics = [];
    for (const l of links) {
        for (const place of l.places) {
            if (l.verdict === 'dead') {
                if (place.archived) {
                    diagnostics.push(warning(place.file, place.line, 'link-dead', `${l.url} is dead (${l.reason}); the archived copy ${place.archived} is shown beside it`));
                    continue;
                }
                const hint = l.wayback === undefined ? '' : l.wayback === null ? '; the Wayback Machine has no copy' : `; archived copy: ${l.wayback} (add 'archived: ${l.wayback}' to keep it)`;
                diagnostics.push(error(place.file, place.line, 'link-dead', `${l.url} is dead: ${l.reason}${hint}`));
            }
            else if (l.verdict === 'unknown') {
                diagnostics.push(warning(place.file, place.line, 'link-unchecked', `${l.url} could not be checked: ${l.reason}`));
            }
            if (l.movedPermanently && l.finalUrl)
                diagnostics.push(warning(place.file, place.line, 'link-moved', `${l.url} moved permanently to ${l.finalUrl}: update the url`));
        }
    }
    return {
        links,
        diagnostics: sortDiagnostics(diagnostics),
        asked: links.filter((l) => l.asked).length,
        requests: p.requests,
        fromCache: links.filter((l) => !l.asked).length,
    };
}
/**
 * The Wayback Machine's copy closest to `day`, through its availability API: one request
 * per link, answering with the single capture nearest a timestamp. (The CDX API lists every
 * capture and would need filtering and paging for the same answer.) Null: none found.
 */
async function waybackCopy(getJson, api, url, day) {
    const q = new URL(api);
    q.searchParams.set('url', url);
    q.searchParams.set('timestamp', day.replaceAll('-', ''));
    try {
        const data = (await getJson(q.href));
        const c = data.archived_snapshots?.closest;
        if (c?.available && c.url && (!c.status || c.status.startsWith('2')))
            return c.url.replace(/^http:\/\/web\.archive\.org\//, 'https://web.archive.org/');
        return null;
    }
    catch {
        // Not known this time: asked again next run.
        return undefined;
    }
}
//# sourceMappingURL=index.js.map