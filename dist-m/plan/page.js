import { translator } from '../config/strings.js';
import { absoluteUrl, href, outputPath, routes } from '../config/urls.js';
import { lastmodOf } from '../model/index.js';
import { renderPage } from '../render/context.js';
import { summaryOf } from '../render/summary.js';
import { sameItems } from '../lib/same.js';
export function feedLinks(links) {
    return { links, key: links.map((l) => `${l.title}\t${l.href}\t${l.json?.title}\t${l.json?.href}`).join('\n') };
}
/** An Atom feed's link, with its JSON Feed twin (`….xml` → `….json`). */
function atomAndJson(settings, tr, title, route) {
    return {
        title: tr.t('feed.atom', { title }),
        href: href(settings, route),
        json: { title: tr.t('feed.json', { title }), href: href(settings, route.replace(/\.xml$/, '.json')) },
    };
}
/** The site's own feeds, linked from every page. */
export function siteFeedLinks(settings) {
    const tr = translator(settings);
    return feedLinks([
        atomAndJson(settings, tr, tr.t('feed.site', { site: settings.title }), routes.feed()),
        atomAndJson(settings, tr, tr.t('feed.daily', { site: settings.title }), routes.daily()),
    ]);
}
export function tagFeedLink(settings, tag) {
    const tr = translator(settings);
    return atomAndJson(settings, tr, tr.t('feed.tag', { site: settings.title, tag: tag.name }), routes.tagFeed(tag.slug));
}
export function pageFile(output, spec) {
    const { route, template, feeds, prev, next } = spec;
    return {
        path: outputPath(route),
        output,
        origin: spec.origin,
        inputs: { template, entries: spec.entries, values: [route, spec.title, prev, next, feeds.key, spec.description, ...(spec.values ?? [])] },
        sitemap: spec.unlisted ? undefined : { route, lastmod: spec.lastmod },
        render: (ctx, inputs) => {
            // An entry's own page: its card is an article, described by its commentary.
            const own = spec.title === undefined ? ctx.views.entry(inputs.entries[0]) : undefined;
            const meta = {
                route,
                template,
                title: spec.title ?? inputs.entries[0].title,
                description: spec.description ?? (own && summaryOf(own.html)),
                article: own && { published: own.datetime, modified: own.updated, tags: own.tags.map((t) => t.name) },
                feeds: feeds.links,
                prev,
                next,
                listed: !spec.unlisted,
            };
            return renderPage(ctx, meta, spec.data(ctx.views, inputs.entries));
        },
    };
}
/**
 * Where a list's entries go (see README, "Stable pagination"). Numbered pages count from
 * the oldest end and hold `per` entries each, so a full one never changes; the front page
 * holds the newest rest: `per` to `2·per − 1` entries once the list has two pages' worth.
 * `entries` is newest first; each page's entries are too.
 */
export function stablePages(entries, per) {
    const n = entries.length;
    const count = n < 2 * per ? 0 : Math.floor(n / per) - 1;
    const numbered = [];
    for (let k = 1; k <= count; k++)
        numbered.push(entries.slice(n - k * per, n - (k - 1) * per));
    return { front: entries.slice(0, n - count * per), numbered };
}
/** The page a numbered page's "newer" link leads to before it is filled: a redirect to the front page (as Hugo's alias pages are). */
function pendingPage(output, settings, route, front, feeds) {
    const to = { href: href(settings, front), canonical: absoluteUrl(settings, front) };
    return pageFile(output, {
        route,
        template: 'pending',
        title: translator(settings).t('pending.title'),
        feeds,
        entries: [],
        values: [front],
        unlisted: true,
        lastmod: undefined,
        data: () => ({ front: to }),
    });
}
/**
 * A list of entries under day headings: the newest on the front page, the rest on numbered
 * pages counted from the oldest (see stablePages). Each numbered page's "newer" link is
 * fixed when it is made: the newest one's leads to the next number, a redirect to the front
 * page until that page is filled.
 */
export function paginatedPages(output, settings, entries, list) {
    const { numbered, rest } = paginatedParts(output, settings, entries, list);
    return [...numbered.specs, ...rest];
}
/**
 * paginatedPages with its numbered pages apart, as one part: `last`'s (the same array) while
 * every page holds the same entries, for a numbered page shows nothing else that changes.
 */
export function paginatedParts(output, settings, entries, list, last) {
    const { front, numbered: chunks } = stablePages(entries, settings.perPage);
    const count = chunks.length;
    const frontHref = href(settings, list.route());
    const numbered = last !== undefined && sameChunks(last.chunks, chunks) ? last : { chunks, specs: chunks.map((chunk, i) => numberedPage(output, settings, list, chunk, i + 1, frontHref)) };
    const next = count > 0 ? href(settings, list.route(count)) : undefined;
    const rest = [
        pageFile(output, {
            route: list.route(),
            template: list.template,
            title: list.title(),
            feeds: list.feeds,
            next,
            entries: front,
            values: ['front', count, ...list.values, ...(list.frontValues ?? [])],
            lastmod: lastmodOf(front),
            origin: list.origin,
            // The front page only: a numbered page never changes once full, and a count would.
            description: list.description,
            data: (views, shown) => ({ ...list.front(), groups: views.groups(shown), pagination: { page: undefined, pages: count, prev: undefined, next, front: frontHref } }),
        }),
    ];
    if (count > 0)
        rest.push(pendingPage(output, settings, list.route(count + 1), list.route(), list.feeds));
    return { numbered, rest };
}
function numberedPage(output, settings, list, chunk, n, frontHref) {
    const prev = href(settings, list.route(n + 1));
    const next = n > 1 ? href(settings, list.route(n - 1)) : undefined;
    return pageFile(output, {
        route: list.route(n),
        template: list.template,
        title: list.title(n),
        feeds: list.feeds,
        prev,
        next,
        entries: chunk,
        values: [n, ...list.values],
        lastmod: lastmodOf(chunk),
        origin: list.origin,
        data: (views, shown) => ({ ...list.numbered(), groups: views.groups(shown), pagination: { page: n, prev, next, front: frontHref } }),
    });
}
/** Whether two lists of pages hold the same entries, page by page (pointer comparisons only). */
export function sameChunks(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (!sameItems(a[i], b[i]))
            return false;
    return true;
}
//# sourceMappingURL=page.js.map