import { x } from 'xastscript';
import type { Settings } from '../settings.js';
import { rfc3339 } from '../time.js';
import { absoluteUrl } from '../urls.js';
import { lastmodOf, type Page } from './pages.js';
import { xmlDocument, xmlFragment } from './xml.js';

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

/**
 * sitemaps.org 0.9: every listed page, absolute, in route order. Its text is
 * the remembered fragments joined inside the fixed document shell (what
 * `xmlDocument` gives, without walking 100,000 children to get it).
 */
export function sitemapXml(settings: Settings, pages: readonly Page[]): string {
  const listed = pages.filter((p) => p.listed).sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
  if (listed.length === 0) return xmlDocument(x('urlset', { xmlns: NS }, []));
  const urls = listed.map((p) => urlFragment(settings, p.route, sitemapLastmod(p)));
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="${NS}">\n  ${urls.join('\n  ')}\n</urlset>\n`;
}
