import { x } from 'xastscript';
import type { Settings } from '../settings.js';
import { rfc3339 } from '../time.js';
import { absoluteUrl } from '../urls.js';
import { lastmodOf, type Page } from './pages.js';
import { xmlDocument } from './xml.js';

export function sitemapLastmod(p: Page): number | undefined {
  return p.lastmod ?? lastmodOf(p.entries);
}

/** sitemaps.org 0.9: every listed page, absolute, in route order. */
export function renderSitemap(settings: Settings, pages: readonly Page[]): string {
  const listed = pages.filter((p) => p.listed).sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
  const root = x(
    'urlset',
    { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
    listed.map((p) => {
      const lastmod = sitemapLastmod(p);
      return x('url', [x('loc', absoluteUrl(settings, p.route)), lastmod !== undefined ? x('lastmod', rfc3339(lastmod)) : undefined]);
    }),
  );
  return xmlDocument(root);
}
