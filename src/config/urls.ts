/**
 * Every URL shape of the site, in one place. A route is a site-relative path
 * without a leading slash: `2026/11/26/x/` for a page, `feed.xml` for a file.
 */
import type { Settings } from './settings.js';

export const routes = {
  /** The front page, or numbered page `page` (counted from the oldest end). */
  home: (page?: number) => (page === undefined ? '' : `page/${page}/`),
  entry: (day: string, slug: string) => `${day.replaceAll('-', '/')}/${slug}/`,
  day: (day: string) => `${day.replaceAll('-', '/')}/`,
  month: (month: string) => `${month.replace('-', '/')}/`,
  year: (year: string) => `${year}/`,
  archive: () => 'archive/',
  tags: () => 'tags/',
  tag: (slug: string, page?: number) => (page === undefined ? `tags/${slug}/` : `tags/${slug}/page/${page}/`),
  tagFeed: (slug: string) => `tags/${slug}/feed.xml`,
  feed: () => 'feed.xml',
  daily: () => 'daily.xml',
  /** RFC 5005 archive documents, numbered from the oldest. */
  feedArchive: (n: number) => `feeds/archive/${n}.xml`,
  tagFeedArchive: (slug: string, n: number) => `tags/${slug}/archive/${n}.xml`,
  sitemap: () => 'sitemap.xml',
  /** One part of a sitemap too big for one file (see render/sitemap.ts). */
  sitemapPart: (name: string) => `sitemaps/${name}.xml`,
  notFound: () => '404.html',
};

/** The file a route is written to: pages are `…/index.html`. */
export function outputPath(route: string): string {
  return route === '' || route.endsWith('/') ? `${route}index.html` : route;
}

/** The day and slug of an entry's page route (`2026/11/24/slug/`), or undefined when the route has another shape. */
export function entryRouteParts(route: string): { day: string; slug: string } | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/$/.exec(route);
  return m ? { day: `${m[1]}-${m[2]}-${m[3]}`, slug: m[4] } : undefined;
}

/** Percent-encodes a route for use in a URL (slugs may hold non-ASCII letters). */
export function encodeRoute(route: string): string {
  return encodeURI(route);
}

/** Root-relative link with the base path, as pages use (works under `linklog dev` too). */
export function href(settings: Settings, route: string): string {
  return settings.basePath + encodeRoute(route);
}

/** Absolute URL, as feeds and the sitemap need. */
export function absoluteUrl(settings: Settings, route: string): string {
  return settings.baseUrl + encodeRoute(route);
}

/** Whether a route is safe to join under the output folder: relative, no `..`, no backslash. */
export function isSafeRoute(route: string): boolean {
  if (route.startsWith('/') || route.includes('\\') || route.includes('\0')) return false;
  return route.split('/').every((seg, i, all) => (seg === '' ? i === all.length - 1 : seg !== '.' && seg !== '..'));
}

/** Anchor id of an entry's article, unique across the site; its body's ids start with it. */
export function entryAnchor(day: string, slug: string): string {
  return `e-${day.replaceAll('-', '')}-${slug}`;
}

/**
 * The feed id an entry has without an `id:` key (RFC 4151): it never changes when the site
 * is rebuilt, grows or moves domain. `linklog new` writes the same string into `id:`.
 */
export function defaultEntryId(idAuthority: string, day: string, slug: string): string {
  return `tag:${idAuthority},${day}:${encodeURI(slug)}`;
}

/** The day and slug a default feed id is made of, or undefined when `id` does not have that shape. */
export function defaultIdParts(idAuthority: string, id: string): { day: string; slug: string } | undefined {
  const prefix = `tag:${idAuthority},`;
  if (!id.startsWith(prefix) || id[prefix.length + 10] !== ':') return undefined;
  const rest = id.slice(prefix.length);
  try {
    return { day: rest.slice(0, 10), slug: decodeURI(rest.slice(11)) };
  } catch {
    return undefined;
  }
}

/** The entry's feed id: its `id:` when given, else the default one. */
export function entryId(idAuthority: string, e: { id?: string; date: { day: string }; slug: string }): string {
  return e.id ?? defaultEntryId(idAuthority, e.date.day, e.slug);
}
