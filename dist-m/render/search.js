/**
 * The search index's records: one Pagefind custom record per published entry, made
 * from the model (title, the link's domain, the commentary's text, tags, date), never
 * by reading pages back. Tags are the `tag` filter, the date the `date` sort key.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { href, routes } from '../config/urls.js';
/**
 * Shard sizes, largest first, each a multiple of the next (see README, Search): entries,
 * oldest first, fill shards of 5,000, then of 500, then of 100, and the newest (fewer than
 * 100) make a partial shard. Ten shards of 500 become one of 5,000 (five of 100, one of 500)
 * when they fill. The smallest level keeps a new entry's index files to ~5 (a partial shard
 * of up to 200 real entries spans up to 3 index chunks: 7); the number of levels and their
 * ratios bound the bundles a query reads: at most 9 + 4 + 1 besides those of 5,000, each
 * costing a reader its meta, filters and an index chunk (~10–25 KB). One Pagefind process
 * peaks at about 0.3 GiB for 5,000 (see Speed).
 */
export const SHARD_LEVELS = [5000, 500, 100];
/** A shard's folder under pagefind/: the first is Pagefind's own /pagefind/, the others named by level and start, so a full shard never moves. */
export const shardDir = (level, start) => (start === 0 ? '' : `part-${level}-${start}/`);
/**
 * The shards of `count` entries: as many full shards of each level as fit, largest first,
 * then the rest (fewer than the smallest level) as one partial shard of the smallest.
 * A full shard stays as it is until the entries after it fill a shard of its level and
 * it is merged into that one.
 */
export function shardLayout(count, levels = SHARD_LEVELS) {
    const out = [];
    let start = 0;
    for (const level of levels) {
        for (; count - start >= level; start += level)
            out.push({ level, start, size: level, dir: shardDir(level, start) });
    }
    const smallest = levels[levels.length - 1];
    if (start < count)
        out.push({ level: smallest, start, size: count - start, dir: shardDir(smallest, start) });
    return out;
}
/** The visible text of a rendered commentary, whitespace collapsed. */
export function commentaryText(html) {
    const text = /[<&]/.test(html) ? toString(fromHtml(html, { fragment: true })) : html;
    return text.replace(/\s+/g, ' ').trim();
}
/** The link's host without `www.`, as readers remember it ("that lwn.net article"). */
export function domainOf(url) {
    try {
        return new URL(url).hostname.replace(/^www\./, '');
    }
    catch {
        return '';
    }
}
/** Pagefind's language: the site's, for every record, so one index answers every query. */
export function searchLanguage(settings) {
    return settings.language.toLowerCase();
}
/** One entry's record; `commentary` is its body's text (commentaryText). */
export function searchRecord(settings, site, e, commentary) {
    const domain = domainOf(e.url);
    const tags = e.tagKeys.map((k) => site.tagsByKey.get(k)?.name ?? k);
    return {
        url: href(settings, routes.entry(e.date.day, e.slug)),
        // The title and domain are searched too: Pagefind indexes `content`, its meta only shows.
        content: [e.title, domain, commentary, tags.join(', ')].filter((s) => s !== '').join('\n'),
        language: searchLanguage(settings),
        meta: { title: e.title, domain, date: e.date.day },
        filters: tags.length ? { tag: tags } : {},
        // ISO 8601 in UTC sorts as text in time order.
        sort: { date: new Date(e.date.instant).toISOString() },
    };
}
/**
 * What an entry's record is made from, as text: its hash (title, url, body, date, tags as
 * written), its tags' display names and its URL. The same text gives the same record.
 */
export function recordVersion(settings, site, e) {
    return `${e.hash}\t${href(settings, routes.entry(e.date.day, e.slug))}\t${e.tagKeys.map((k) => site.tagsByKey.get(k)?.name ?? k).join('\t')}`;
}
//# sourceMappingURL=search.js.map