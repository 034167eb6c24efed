/**
 * sitemaps.org 0.9: every listed page, absolute, in route order, in `sitemap.xml`. Over
 * 10,000 pages `sitemap.xml` is an index of parts under `sitemaps/`: a month's pages
 * together (its month page, its days' and its links'; January's has its year's page too),
 * the rest in `site`. Parts follow the calendar, so a new link changes its month's part,
 * not one file of every page (2 MB at 10,000 entries) nor of its year (1.4 MB at 100,000).
 * `site`'s pages and the year pages are listed without `<lastmod>`: most of them (the front
 * pages of the lists, the tag index, the archive, a year) show the newest links and would
 * change it with each one, while the new link's own page, in its month's part, tells a
 * crawler as much.
 */
import { routes } from '../../config/urls.js';
import { sitemapIndexXml, urlFragment, urlsetXml, type UrlFragments } from '../../render/sitemap.js';
import type { FileSpec, Output, Planned } from '../types.js';

/** sitemaps.org: at most this many URLs in one sitemap file. */
export const SITEMAP_URLS = 50_000;
/** Up to this many URLs, one sitemap file. */
export const SITEMAP_SINGLE = 10_000;

interface Listed {
  route: string;
  lastmod: number | undefined;
}

/** One part's files as last planned: they stand while its pages (route and lastmod, in plan order) do. */
interface Group {
  /** Its pages as the plan's items gave them (see samePieces), and together. */
  pieces: ReadonlyArray<readonly Listed[]>;
  listed: Listed[];
  base: string;
  /** Its routes sorted; the first decides where the group's files go among the others. */
  first: string;
  parts: Array<{ route: string; spec: FileSpec }>;
}

export function sitemapOutput(limit = SITEMAP_URLS, single = Math.min(limit, SITEMAP_SINGLE)): Output {
  return {
    name: 'sitemap',
    plan({ settings, memo, items }) {
      const kept = memo(() => ({ fragments: new Map() as UrlFragments, groups: new Map<string, Group>(), byPart: new WeakMap<readonly FileSpec[], PartListed>() }));
      const urlset = (path: string, part: readonly Listed[], dated = true): FileSpec => ({
        path,
        output: 'sitemap',
        // Its text is what it is made from: the <url> fragments, the same strings while unchanged.
        inputs: { entries: [], values: part.map((p) => urlFragment(kept.fragments, settings, p.route, dated ? p.lastmod : undefined)) },
        render: (_ctx, inputs) => urlsetXml(inputs.values as string[]),
      });
      // Pages by the part they go in (a month's, or the rest), in plan order, as the plan's items
      // give them: a part's list (the same array while the part is kept) or one file's page.
      const byName = new Map<string, Array<readonly Listed[]>>();
      let count = 0;
      const add = (name: string, pages: readonly Listed[]) => {
        count += pages.length;
        const pieces = byName.get(name);
        if (pieces === undefined) byName.set(name, [pages]);
        else pieces.push(pages);
      };
      for (const item of items()) {
        if (!isPart(item)) {
          if (item.sitemap) add(partName(item.sitemap.route), [placed(item.sitemap)]);
          continue;
        }
        let listed = kept.byPart.get(item);
        if (listed === undefined) kept.byPart.set(item, (listed = listedOf(item)));
        for (const [name, pages] of listed) add(name, pages);
      }
      if (count <= single) {
        kept.groups.clear();
        return [urlset(routes.sitemap(), sortRoutes([...byName.values()].flat(2)))];
      }
      // A part whose pages are as they were keeps its files: a new link re-sorts its month, not
      // 100,000 routes, and a month whose pieces are the same is not even walked.
      const groups: Group[] = [];
      for (const [name, pieces] of byName) {
        const last = kept.groups.get(name);
        const dated = name !== SITE_PART;
        const same = last !== undefined && last.base === settings.baseUrl;
        if (same && samePieces(last.pieces, pieces, dated)) {
          groups.push(last);
          continue;
        }
        const listed = pieces.flat();
        if (same && sameListed(last.listed, listed, dated)) {
          last.pieces = pieces;
          groups.push(last);
          continue;
        }
        const sorted = sortRoutes(listed);
        const parts = splitParts(name, sorted, limit).map(({ name: part, list }) => {
          const route = routes.sitemapPart(part);
          return { route, spec: urlset(route, list, dated) };
        });
        const group = { pieces, listed, base: settings.baseUrl, first: sorted[0].route, parts };
        kept.groups.set(name, group);
        groups.push(group);
      }
      for (const name of kept.groups.keys()) if (!byName.has(name)) kept.groups.delete(name);
      groups.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
      const parts = groups.flatMap((g) => g.parts);
      // No <lastmod> per part: the index then changes only when a part is added or goes, and a
      // crawler learns of a changed part from the part's own Last-Modified.
      const index: FileSpec = {
        path: routes.sitemap(),
        output: 'sitemap',
        inputs: { entries: [], values: parts.map((p) => p.route) },
        render: (ctx) => sitemapIndexXml(ctx.settings, parts),
      };
      return [index, ...parts.map((p) => p.spec)];
    },
  };
}

/** A part's listed pages by the sitemap part they go in. */
type PartListed = ReadonlyArray<[string, Listed[]]>;

function listedOf(files: readonly FileSpec[]): PartListed {
  const byName = new Map<string, Listed[]>();
  for (const f of files) {
    if (!f.sitemap) continue;
    const name = partName(f.sitemap.route);
    const list = byName.get(name);
    if (list) list.push(placed(f.sitemap));
    else byName.set(name, [placed(f.sitemap)]);
  }
  return [...byName];
}

function isPart(item: Planned): item is readonly FileSpec[] {
  return Array.isArray(item);
}

function sortRoutes(listed: readonly Listed[]): Listed[] {
  return [...listed].sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

/** The same pages from the same parts: each piece the same array, or one file's page with the same route (and lastmod). */
function samePieces(a: ReadonlyArray<readonly Listed[]>, b: ReadonlyArray<readonly Listed[]>, dated: boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i].length !== 1 || b[i].length !== 1) return false;
    if (a[i][0].route !== b[i][0].route || (dated && a[i][0].lastmod !== b[i][0].lastmod)) return false;
  }
  return true;
}

function sameListed(a: readonly Listed[], b: readonly Listed[], dated: boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (a[i].route !== b[i].route || (dated && a[i].lastmod !== b[i].lastmod))) return false;
  return true;
}

/** The part of the pages outside the calendar. */
const SITE_PART = 'site';

/**
 * A month's part (`2026-11`) for the pages under a month's route; a year's page goes in its
 * January's (listed without lastmod: see placed), so a new year adds one part; else `site`.
 */
function partName(route: string): string {
  // Only calendar routes start with four digits and a slash (`2026/`, `2026/11/…`).
  if (route.length < 5 || route[4] !== '/' || !isDigits(route, 0, 4)) return SITE_PART;
  if (isYearPage(route)) return `${route.slice(0, 4)}-01`;
  const inMonth = route.length > 7 && route[7] === '/' && isDigits(route, 5, 7);
  return inMonth ? `${route.slice(0, 4)}-${route.slice(5, 7)}` : SITE_PART;
}

/** A page as its part lists it: a year's page without its lastmod, which every new link of the year moves (as `site`'s pages). */
function placed(page: Listed): Listed {
  return page.lastmod !== undefined && isYearPage(page.route) ? { route: page.route, lastmod: undefined } : page;
}

/** A year's page: `2026/`. */
function isYearPage(route: string): boolean {
  return route.length === 5 && route[4] === '/' && isDigits(route, 0, 4);
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}

/** A group's parts: itself, in numbered slices when it has more than `limit` pages (a month of over 50,000 links, or as many tags). */
function splitParts(name: string, sorted: readonly Listed[], limit: number): Array<{ name: string; list: Listed[] }> {
  const out: Array<{ name: string; list: Listed[] }> = [];
  for (let i = 0; i < sorted.length; i += limit) out.push({ name: i === 0 ? name : `${name}-${i / limit + 1}`, list: sorted.slice(i, i + limit) });
  return out;
}
