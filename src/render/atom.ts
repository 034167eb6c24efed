/** Atom (RFC 4287): a Feed serialised as an xast tree, so no XML is escaped by hand. */
import type { Element as XElement } from 'xast';
import type { Raw } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { rfc3339 } from '../lib/time.js';
import type { RenderContext } from './context.js';
import { feedPieces, type Feed, type FeedItem } from './feed.js';
import { xmlDocument, xmlFragment } from './xml.js';
import { languageTag } from '../lib/text.js';

/** RFC 5005's namespace (feed history). */
const FH = 'http://purl.org/syndication/history/1.0';

/** Where the entries go in the serialised head: a character no text of the feed can hold (xmlSafe drops it). */
const ENTRIES = '\u0000entries\u0000';

/**
 * The feed document, in pieces: the head up to the first entry, each entry (serialised once,
 * or kept: see FeedItem.texts), the end. `self` is its own absolute URL (also its id).
 */
export function atomFeed(ctx: RenderContext, feed: Feed, self: string): string[] {
  const doc = atomHead(ctx, feed, self);
  if (feed.items.length === 0) return [doc];
  const at = doc.indexOf(ENTRIES);
  // Each `<entry>` serialised as xmlDocument would at depth 1.
  return feedPieces(doc.slice(0, at), feed, 'atom', '\n  ', (item) => xmlFragment(entryXml(ctx, feed, item)).value, doc.slice(at + ENTRIES.length));
}

/** The document with ENTRIES where its entries go (when it has any). */
function atomHead(ctx: RenderContext, feed: Feed, self: string): string {
  const a = feed.author;
  const history = feed.history;
  const ns = history?.archive ? { 'xmlns:fh': FH } : {};
  return xmlDocument(
    x('feed', { xmlns: 'http://www.w3.org/2005/Atom', ...ns, 'xml:lang': feed.language }, [
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
      feed.items.length ? ({ type: 'raw', value: ENTRIES } satisfies Raw) : undefined,
    ]),
  );
}

function entryXml(ctx: RenderContext, feed: Feed, item: FeedItem): XElement {
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
