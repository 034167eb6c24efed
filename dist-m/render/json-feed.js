import { rfc3339 } from '../lib/time.js';
import { itemText } from './feed.js';
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
function authorOf(a) {
    const url = a.uri ?? (a.email ? `mailto:${a.email}` : undefined);
    return url ? { name: a.name, url } : { name: a.name };
}
/** The feed document; `self` is its own absolute URL. */
export function jsonFeed(ctx, feed, self) {
    const head = {
        version: JSON_FEED_VERSION,
        title: feed.title,
        home_page_url: feed.home,
        feed_url: self,
    };
    if (feed.subtitle)
        head.description = feed.subtitle;
    head.language = feed.language;
    head.authors = [authorOf(feed.author)];
    if (feed.hubs?.length)
        head.hubs = feed.hubs.map((url) => ({ type: 'WebSub', url }));
    if (feed.items.length === 0)
        return `${JSON.stringify({ ...head, items: [] }, null, 2)}\n`;
    const open = JSON.stringify({ ...head, items: [0] }, null, 2);
    // `"items": [\n    0\n  ]\n}`: the items go where the 0 is, each serialised once per build.
    const at = open.lastIndexOf('0');
    return `${open.slice(0, at)}${feed.items.map((item) => itemText(item, 'json', () => itemJsonText(feed, item))).join(',\n    ')}${open.slice(at + 1)}\n`;
}
function itemJsonText(feed, item) {
    return indent(JSON.stringify(itemJson(feed, item), null, 2));
}
const indent = (text) => text.replaceAll('\n', '\n    ');
function itemJson(feed, item) {
    const o = { id: item.id };
    if (item.permalink) {
        o.url = item.permalink;
        o.external_url = item.url;
    }
    else
        o.url = item.url;
    o.title = item.title;
    o.content_html = item.html;
    o.date_published = rfc3339(item.published);
    if (item.updated !== item.published)
        o.date_modified = rfc3339(item.updated);
    if (item.tags.length)
        o.tags = item.tags.map((t) => t.name);
    o.authors = [authorOf(feed.author)];
    return o;
}
//# sourceMappingURL=json-feed.js.map