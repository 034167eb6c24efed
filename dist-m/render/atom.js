import { x } from 'xastscript';
import { rfc3339 } from '../lib/time.js';
import { itemText } from './feed.js';
import { xmlDocument, xmlFragment } from './xml.js';
import { languageTag } from '../lib/text.js';
/** RFC 5005's namespace (feed history). */
const FH = 'http://purl.org/syndication/history/1.0';
/** The feed document; `self` is its own absolute URL (also its id). */
export function atomFeed(ctx, feed, self) {
    const a = feed.author;
    const history = feed.history;
    const ns = history?.archive ? { 'xmlns:fh': FH } : {};
    return xmlDocument(x('feed', { xmlns: 'http://www.w3.org/2005/Atom', ...ns, 'xml:lang': feed.language }, [
        x('id', self),
        x('title', { type: 'text' }, feed.title),
        feed.subtitle ? x('subtitle', { type: 'text' }, feed.subtitle) : undefined,
        x('link', { rel: 'self', type: 'application/atom+xml', href: self }),
        x('link', { rel: 'alternate', type: 'text/html', href: feed.home }),
        ...(feed.hubs ?? []).map((href) => x('link', { rel: 'hub', href })),
        history?.archive ? x('fh:archive') : undefined,
        history?.current ? x('link', { rel: 'current', type: 'application/atom+xml', href: history.current }) : undefined,
        history?.prevArchive ? x('link', { rel: 'prev-archive', type: 'application/atom+xml', href: history.prevArchive }) : undefined,
        history?.nextArchive ? x('link', { rel: 'next-archive', type: 'application/atom+xml', href: history.nextArchive }) : undefined,
        // An empty feed still needs a fixed date: the epoch, not the clock.
        x('updated', rfc3339(feed.updated ?? 0)),
        x('author', [x('name', a.name), a.email ? x('email', a.email) : undefined, a.uri ? x('uri', a.uri) : undefined]),
        x('generator', { uri: feed.generator.uri, version: feed.generator.version }, feed.generator.name),
        ...feed.items.map((item) => entryRaw(ctx, feed, item)),
    ]));
}
/** An item's `<entry>`. */
function entryRaw(ctx, feed, item) {
    return { type: 'raw', value: itemText(item, 'atom', () => xmlFragment(entryXml(ctx, feed, item)).value) };
}
function entryXml(ctx, feed, item) {
    // An entry's own `lang` (front matter) is its xml:lang.
    const lang = languageTag(item.entry?.data.lang);
    return x('entry', lang ? { 'xml:lang': lang } : {}, [
        x('id', item.id),
        x('title', { type: 'text' }, item.title),
        x('link', { rel: 'alternate', type: 'text/html', href: item.url }),
        item.permalink ? x('link', { rel: 'related', type: 'text/html', href: item.permalink, title: ctx.tr.t('entry.permalink') }) : undefined,
        item.archived ? x('link', { rel: 'related', type: 'text/html', href: item.archived, title: ctx.tr.t('feed.archivedCopy') }) : undefined,
        item.via?.url ? x('link', { rel: 'via', href: item.via.url, title: item.via.name }) : undefined,
        x('published', rfc3339(item.published)),
        x('updated', rfc3339(item.updated)),
        ...item.tags.map((tag) => x('category', { term: tag.name, scheme: feed.tagScheme, label: tag.name })),
        x('content', { type: 'html' }, item.html),
    ]);
}
//# sourceMappingURL=atom.js.map