import { x } from 'xastscript';
import type { Settings } from '../settings.js';
import { rfc3339 } from '../time.js';
import { absoluteUrl, routes } from '../urls.js';
import { lastmodOf, type Page } from './pages.js';
import { xmlDocument, xmlFragment } from './xml.js';

/** sitemaps.org: at most this many URLs in one sitemap file. */
export const SITEMAP_URLS = 50_000;

function sitemapLastmod(p: Page): number | undefined {
  return p.lastmod ?? lastmodOf(p.entries);
}

// Each <url> is serialised once and remembered by route: a sitemap of 100,000
// pages is then re-assembled, not re-serialised, when one page changes.
const fragments = new Map<string, { base: string; lastmod: number | undefined; xml: string }>();

function urlFragment(settings: Settings, route: string, lastmod: number | undefined): string {
  const known = fragments.get(route);
  if (known && known.lastmod === lastmod && known.base === settings.baseUrl) return known.xml;
  const { value: xml } = xmlFragment(x('url', [x('loc', absoluteUrl(settings, route)), lastmod !== undefined ? x('lastmod', rfc3339(lastmod)) : undefined]));
  if (fragments.size > 500_000) fragments.clear();
  fragments.set(route, { base: settings.baseUrl, lastmod, xml });
  return xml;
}

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

// The last text of each sitemap file, with the fragments it was joined from: a part
// whose URLs are all the same strings as last time is not joined again.
const texts = new Map<string, { urls: string[]; xml: string }>();

/**
 * A <urlset> of pages in route order. Its text is the remembered fragments joined
 * inside the fixed document shell (what `xmlDocument` gives, without walking
 * 100,000 children to get it).
 */
function urlset(settings: Settings, route: string, pages: readonly Page[]): string {
  if (pages.length === 0) return xmlDocument(x('urlset', { xmlns: NS }, []));
  const urls = pages.map((p) => urlFragment(settings, p.route, sitemapLastmod(p)));
  const last = texts.get(route);
  if (last && last.urls.length === urls.length && last.urls.every((u, i) => u === urls[i])) return last.xml;
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="${NS}">\n  ${urls.join('\n  ')}\n</urlset>\n`;
  texts.set(route, { urls, xml });
  return xml;
}

export interface SitemapFile {
  route: string;
  xml: string;
}

/**
 * Where a page's URL goes when the site has more than `limit`: a year's pages
 * together (then a month's, if a year alone has too many), the rest in `site`.
 * Parts follow the calendar, so a new link changes its year's part and `site`,
 * not every part after it.
 */
function partName(route: string, depth: 1 | 2): string {
  // Only calendar routes start with four digits and a slash (`2026/`, `2026/11/…`).
  const isYear = route.length > 4 && route[4] === '/' && isDigits(route, 0, 4);
  if (!isYear) return 'site';
  const year = route.slice(0, 4);
  return depth === 2 && route.length > 7 && route[7] === '/' && isDigits(route, 5, 7) ? `${year}-${route.slice(5, 7)}` : year;
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}

function splitParts(pages: readonly Page[], limit: number): Array<{ name: string; pages: Page[] }> {
  const group = (list: readonly Page[], depth: 1 | 2) => {
    const by = new Map<string, Page[]>();
    for (const p of list) {
      const name = partName(p.route, depth);
      const part = by.get(name);
      if (part) part.push(p);
      else by.set(name, [p]);
    }
    return by;
  };
  const out: Array<{ name: string; pages: Page[] }> = [];
  for (const [name, list] of group(pages, 1)) {
    const byMonth = list.length > limit && name !== 'site' ? group(list, 2) : new Map([[name, list]]);
    for (const [sub, part] of byMonth) {
      // Still too many (a month of over 50,000 links, or as many tags): numbered slices.
      for (let i = 0; i < part.length; i += limit) out.push({ name: i === 0 ? sub : `${sub}-${i / limit + 1}`, pages: part.slice(i, i + limit) });
    }
  }
  return out;
}

/**
 * sitemaps.org 0.9: every listed page, absolute, in route order, in `sitemap.xml`;
 * a site with more than `limit` pages gets a sitemap index there instead, which
 * lists parts of at most `limit` URLs each under `sitemaps/`.
 */
export function sitemapFiles(settings: Settings, pages: readonly Page[], limit = SITEMAP_URLS): SitemapFile[] {
  const listed = pages.filter((p) => p.listed).sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
  if (listed.length <= limit) return [{ route: routes.sitemap(), xml: urlset(settings, routes.sitemap(), listed) }];
  const parts = splitParts(listed, limit).map(({ name, pages: part }) => {
    let newest: number | undefined;
    for (const p of part) {
      const t = sitemapLastmod(p);
      if (t !== undefined && (newest === undefined || t > newest)) newest = t;
    }
    const route = routes.sitemapPart(name);
    return { route, xml: urlset(settings, route, part), newest };
  });
  const index = x(
    'sitemapindex',
    { xmlns: NS },
    parts.map((p) => x('sitemap', [x('loc', absoluteUrl(settings, p.route)), p.newest !== undefined ? x('lastmod', rfc3339(p.newest)) : undefined])),
  );
  return [{ route: routes.sitemap(), xml: xmlDocument(index) }, ...parts.map(({ route, xml }) => ({ route, xml }))];
}
