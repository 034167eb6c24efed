export const routes = {
    /** The front page, or numbered page `page` (counted from the oldest end). */
    home: (page) => (page === undefined ? '' : `page/${page}/`),
    entry: (day, slug) => `${day.replaceAll('-', '/')}/${slug}/`,
    day: (day) => `${day.replaceAll('-', '/')}/`,
    month: (month) => `${month.replace('-', '/')}/`,
    year: (year) => `${year}/`,
    archive: () => 'archive/',
    tags: () => 'tags/',
    tag: (slug, page) => (page === undefined ? `tags/${slug}/` : `tags/${slug}/page/${page}/`),
    tagFeed: (slug) => `tags/${slug}/feed.xml`,
    feed: () => 'feed.xml',
    daily: () => 'daily.xml',
    /** RFC 5005 archive documents, numbered from the oldest. */
    feedArchive: (n) => `feeds/archive/${n}.xml`,
    tagFeedArchive: (slug, n) => `tags/${slug}/archive/${n}.xml`,
    sitemap: () => 'sitemap.xml',
    /** One part of a sitemap too big for one file (see render/sitemap.ts). */
    sitemapPart: (name) => `sitemaps/${name}.xml`,
    notFound: () => '404.html',
};
/** The file a route is written to: pages are `…/index.html`. */
export function outputPath(route) {
    return route === '' || route.endsWith('/') ? `${route}index.html` : route;
}
/** The day and slug of an entry's page route (`2026/11/24/slug/`), or undefined when the route has another shape. */
export function entryRouteParts(route) {
    const m = /^(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/$/.exec(route);
    return m ? { day: `${m[1]}-${m[2]}-${m[3]}`, slug: m[4] } : undefined;
}
/** Percent-encodes a route for use in a URL (slugs may hold non-ASCII letters). */
export function encodeRoute(route) {
    return encodeURI(route);
}
/** Root-relative link with the base path, as pages use (works under `linklog dev` too). */
export function href(settings, route) {
    return settings.basePath + encodeRoute(route);
}
/** Absolute URL, as feeds and the sitemap need. */
export function absoluteUrl(settings, route) {
    return settings.baseUrl + encodeRoute(route);
}
/** Whether a route is safe to join under the output folder: relative, no `..`, no backslash. */
export function isSafeRoute(route) {
    if (route.startsWith('/') || route.includes('\\') || route.includes('\0'))
        return false;
    return route.split('/').every((seg, i, all) => (seg === '' ? i === all.length - 1 : seg !== '.' && seg !== '..'));
}
/** Anchor id of an entry's article, unique across the site; its body's ids start with it. */
export function entryAnchor(day, slug) {
    return `e-${day.replaceAll('-', '')}-${slug}`;
}
/**
 * The feed id an entry has without an `id:` key (RFC 4151): it never changes when the site
 * is rebuilt, grows or moves domain. `linklog new` writes the same string into `id:`.
 */
export function defaultEntryId(idAuthority, day, slug) {
    return `tag:${idAuthority},${day}:${encodeURI(slug)}`;
}
/** The day and slug a default feed id is made of, or undefined when `id` does not have that shape. */
export function defaultIdParts(idAuthority, id) {
    const prefix = `tag:${idAuthority},`;
    if (!id.startsWith(prefix) || id[prefix.length + 10] !== ':')
        return undefined;
    const rest = id.slice(prefix.length);
    try {
        return { day: rest.slice(0, 10), slug: decodeURI(rest.slice(11)) };
    }
    catch {
        return undefined;
    }
}
/** The entry's feed id: its `id:` when given, else the default one. */
export function entryId(idAuthority, e) {
    return e.id ?? defaultEntryId(idAuthority, e.date.day, e.slug);
}
//# sourceMappingURL=urls.js.map