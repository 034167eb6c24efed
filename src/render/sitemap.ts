/** sitemaps.org 0.9 documents: a urlset of pages, or an index of urlset parts. */
import { x } from 'xastscript';
import type { Settings } from '../config/settings.js';
import { absoluteUrl } from '../config/urls.js';
import { rfc3339 } from '../lib/time.js';
import { xmlDocument, xmlFragment } from './xml.js';

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/**
 * Each page's `<url>`, serialised once and kept by route while its lastmod and the
 * base URL stand: a sitemap of 100,000 pages is then re-assembled, not re-serialised.
 * Owned by the build state.
 */
export type UrlFragments = Map<string, { base: string; lastmod: number | undefined; xml: string }>;

export function urlFragment(memo: UrlFragments, settings: Settings, route: string, lastmod: number | undefined): string {
  const known = memo.get(route);
  if (known && known.lastmod === lastmod && known.base === settings.baseUrl) return known.xml;
  const { value: xml } = xmlFragment(x('url', [x('loc', absoluteUrl(settings, route)), lastmod !== undefined ? x('lastmod', rfc3339(lastmod)) : undefined]));
  memo.set(route, { base: settings.baseUrl, lastmod, xml });
  return xml;
}

/**
 * A `<urlset>` of serialised `<url>` fragments: the fixed shell `xmlDocument` gives, without
 * walking every child. In pieces of up to ~16 KB (see FileContent): a year of 40,000 pages
 * joined at once is a fresh ~1.5 MB string per build.
 */
export function urlsetXml(fragments: readonly string[]): string[] {
  if (fragments.length === 0) return [xmlDocument(x('urlset', { xmlns: NS }, []))];
  const pieces: string[] = [];
  let piece = `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="${NS}">`;
  for (const f of fragments) {
    if (piece.length > 16_384) {
      pieces.push(piece);
      piece = '';
    }
    piece += `\n  ${f}`;
  }
  pieces.push(`${piece}\n</urlset>\n`);
  return pieces;
}

export function sitemapIndexXml(settings: Settings, parts: ReadonlyArray<{ route: string }>): string {
  return xmlDocument(x('sitemapindex', { xmlns: NS }, parts.map((p) => x('sitemap', [x('loc', absoluteUrl(settings, p.route))]))));
}
