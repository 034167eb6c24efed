/** sitemaps.org 0.9 documents: a urlset of pages, or an index of urlset parts. */
import { x } from 'xastscript';
import { absoluteUrl } from '../config/urls.js';
import { rfc3339 } from '../lib/time.js';
import { xmlDocument, xmlFragment } from './xml.js';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export function urlFragment(memo, settings, route, lastmod) {
    const known = memo.get(route);
    if (known && known.lastmod === lastmod && known.base === settings.baseUrl)
        return known.xml;
    const { value: xml } = xmlFragment(x('url', [x('loc', absoluteUrl(settings, route)), lastmod !== undefined ? x('lastmod', rfc3339(lastmod)) : undefined]));
    memo.set(route, { base: settings.baseUrl, lastmod, xml });
    return xml;
}
/** A `<urlset>` of serialised `<url>` fragments: the fixed shell `xmlDocument` gives, without walking every child. */
export function urlsetXml(fragments) {
    if (fragments.length === 0)
        return xmlDocument(x('urlset', { xmlns: NS }, []));
    return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="${NS}">\n  ${fragments.join('\n  ')}\n</urlset>\n`;
}
export function sitemapIndexXml(settings, parts) {
    return xmlDocument(x('sitemapindex', { xmlns: NS }, parts.map((p) => x('sitemap', [x('loc', absoluteUrl(settings, p.route))]))));
}
//# sourceMappingURL=sitemap.js.map