import type { Raw } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { Settings } from '../settings.js';
import { rfc3339 } from '../time.js';
import { absoluteUrl } from '../urls.js';
import { lastmodOf, type Page } from './pages.js';
import { xmlDocument, xmlFragment } from './xml.js';

export function sitemapLastmod(p: Page): number | undefined {
  return p.lastmod ?? lastmodOf(p.entries);
}

// Each <url> is serialised once and remembered by route: a sitemap of 100,000
// pages is then re-assembled, not re-serialised, when one page changes.
const fragments = new Map<string, { base: string; lastmod: number | undefined; raw: Raw }>();

function urlFragment(settings: Settings, route: string, lastmod: number | undefined): Raw {
  const known = fragments.get(route);
  if (known && known.lastmod === lastmod && known.base === settings.baseUrl) return known.raw;
  const raw = xmlFragment(x('url', [x('loc', absoluteUrl(settings, route)), lastmod !== undefined ? x('lastmod', rfc3339(lastmod)) : undefined]));
  if (fragments.size > 500_000) fragments.clear();
  fragments.set(route, { base: settings.baseUrl, lastmod, raw });
  return raw;
}

/** sitemaps.org 0.9: every listed page, absolute, in route order. */
export function renderSitemap(settings: Settings, pages: readonly Page[]): string {
  const listed = pages.filter((p) => p.listed).sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
  const urls = listed.map((p) => urlFragment(settings, p.route, sitemapLastmod(p)));
  return xmlDocument(x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, urls));
}
