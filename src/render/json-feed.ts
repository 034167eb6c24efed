/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): a Feed serialised as JSON, deterministic, pretty-printed. */
import type { Author } from '../config/settings.js';
import { rfc3339 } from '../lib/time.js';
import type { RenderContext } from './context.js';
import { feedPieces, type Feed, type FeedItem } from './feed.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

function authorOf(a: Author): { name: string; url?: string } {
  const url = a.uri ?? (a.email ? `mailto:${a.email}` : undefined);
  return url ? { name: a.name, url } : { name: a.name };
}

/** The feed document, in pieces (its head, each item, the end; see atomFeed); `self` is its own absolute URL. */
export function jsonFeed(ctx: RenderContext, feed: Feed, self: string): string[] {
  const head: Record<string, unknown> = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.home,
    feed_url: self,
  };
  if (feed.subtitle) head.description = feed.subtitle;
  head.language = feed.language;
  head.authors = [authorOf(feed.author)];
  if (feed.hubs?.length) head.hubs = feed.hubs.map((url) => ({ type: 'WebSub', url }));
  if (feed.items.length === 0) return [`${JSON.stringify({ ...head, items: [] }, null, 2)}\n`];
  const open = JSON.stringify({ ...head, items: [0] }, null, 2);
  // `"items": [\n    0\n  ]\n}`: the items go where the 0 is, each serialised once per build.
  const at = open.lastIndexOf('0');
  return feedPieces(open.slice(0, at), feed, 'json', ',\n    ', (item) => itemJsonText(feed, item), `${open.slice(at + 1)}\n`);
}

function itemJsonText(feed: Feed, item: FeedItem): string {
  return indent(JSON.stringify(itemJson(feed, item), null, 2));
}

const indent = (text: string) => text.replaceAll('\n', '\n    ');

function itemJson(feed: Feed, item: FeedItem): Record<string, unknown> {
  const o: Record<string, unknown> = { id: item.id };
  if (item.permalink) {
    o.url = item.permalink;
    o.external_url = item.url;
  } else o.url = item.url;
  o.title = item.title;
  o.content_html = item.html;
  o.date_published = rfc3339(item.published);
  if (item.updated !== item.published) o.date_modified = rfc3339(item.updated);
  if (item.tags.length) o.tags = item.tags.map((t) => t.name);
  o.authors = [authorOf(feed.author)];
  return o;
}
