/**
 * sitemaps.org 0.9: every listed page, absolute, in route order, in `sitemap.xml`. Over
 * 10,000 pages `sitemap.xml` is an index of parts under `sitemaps/`: a year's pages
 * together (a month's, when a year alone has more than the 50,000 a sitemap may hold),
 * the rest in `site`. Parts follow the calendar, so a new link changes its year's part
 * and `site`, not one file of every page (2 MB at 10,000 entries).
 */
import { routes } from '../../config/urls.js';
import { sitemapIndexXml, urlFragment, urlsetXml, type UrlFragments } from '../../render/sitemap.js';
import type { FileSpec, Output } from '../types.js';

/** sitemaps.org: at most this many URLs in one sitemap file. */
export const SITEMAP_URLS = 50_000;
/** Up to this many URLs, one sitemap file. */
export const SITEMAP_SINGLE = 10_000;

interface Listed {
  route: string;
  lastmod: number | undefined;
}

export function sitemapOutput(limit = SITEMAP_URLS, single = Math.min(limit, SITEMAP_SINGLE)): Output {
  return {
    name: 'sitemap',
    plan({ settings, memo }, planned) {
      const fragments = memo<UrlFragments>(() => new Map());
      const listed: Listed[] = [];
      for (const f of planned) if (f.sitemap) listed.push(f.sitemap);
      listed.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
      const urlset = (path: string, part: readonly Listed[]): FileSpec => ({
        path,
        output: 'sitemap',
        // Its text is what it is made from: the <url> fragments, the same strings while unchanged.
        inputs: { entries: [], values: part.map((p) => urlFragment(fragments, settings, p.route, p.lastmod)) },
        render: (_ctx, inputs) => urlsetXml(inputs.values as string[]),
      });
      if (listed.length <= single) return [urlset(routes.sitemap(), listed)];
      const parts = splitParts(listed, limit).map(({ name, part }) => {
        let newest: number | undefined;
        for (const p of part) if (p.lastmod !== undefined && (newest === undefined || p.lastmod > newest)) newest = p.lastmod;
        return { route: routes.sitemapPart(name), part, newest };
      });
      const index: FileSpec = {
        path: routes.sitemap(),
        output: 'sitemap',
        inputs: { entries: [], values: parts.flatMap((p) => [p.route, p.newest]) },
        render: (ctx) => sitemapIndexXml(ctx.settings, parts),
      };
      return [index, ...parts.map((p) => urlset(p.route, p.part))];
    },
  };
}

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

function splitParts(listed: readonly Listed[], limit: number): Array<{ name: string; part: Listed[] }> {
  const group = (list: readonly Listed[], depth: 1 | 2) => {
    const by = new Map<string, Listed[]>();
    for (const p of list) {
      const name = partName(p.route, depth);
      const part = by.get(name);
      if (part) part.push(p);
      else by.set(name, [p]);
    }
    return by;
  };
  const out: Array<{ name: string; part: Listed[] }> = [];
  for (const [name, list] of group(listed, 1)) {
    const byMonth = list.length > limit && name !== 'site' ? group(list, 2) : new Map([[name, list]]);
    for (const [sub, part] of byMonth) {
      // Still too many (a month of over 50,000 links, or as many tags): numbered slices.
      for (let i = 0; i < part.length; i += limit) out.push({ name: i === 0 ? sub : `${sub}-${i / limit + 1}`, part: part.slice(i, i + limit) });
    }
  }
  return out;
}
