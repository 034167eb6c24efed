import type { Element } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { Settings } from '../settings.js';
import { rfc3339 } from '../time.js';
import { absoluteUrl } from '../urls.js';
import { lastmodOf, type Page } from './pages.js';
import { indent, xmlDocument } from './xml.js';

export function sitemapLastmod(p: Page): number | undefined {
  return p.lastmod ?? lastmodOf(p.entries);
}

// Each <url> is serialised once and remembered by route: a sitemap of 100,000
// pages is then re-assembled, not re-serialised, when one page changes.
const fragments = new Map<string, { base: string; lastmod: number | undefined; text: string }>();

function urlFragment(settings: Settings, route: string, lastmod: number | undefined): string {
  const known = fragments.get(route);
  if (known && known.lastmod === lastmod && known.base === settings.baseUrl) return known.text;
  const el: Element = x('url', [x('loc', absoluteUrl(settings, route)), lastmod !== undefined ? x('lastmod', rfc3339(lastmod)) : undefined]);
  indent(el, 1);
  const text = toXml(el);
  if (fragments.size > 500_000) fragments.clear();
  fragments.set(route, { base: settings.baseUrl, lastmod, text });
  return text;
}

const MARK = '\u{e002}';

/** sitemaps.org 0.9: every listed page, absolute, in route order. */
export function renderSitemap(settings: Settings, pages: readonly Page[]): string {
  const listed = pages.filter((p) => p.listed).sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
  // The document around the list comes from the same serialiser, with a mark where the list goes.
  const shell = xmlDocument(x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, [x('url', MARK)]));
  const [before, after] = shell.split(/<url>\u{e002}<\/url>/u);
  return before + listed.map((p) => urlFragment(settings, p.route, sitemapLastmod(p))).join('\n  ') + after;
}
