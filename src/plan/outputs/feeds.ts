/**
 * The feeds: the site's (newest `feedSize` entries), the daily one (newest `feedSize`
 * days) and each tag's, in every format of FEED_FORMATS. A format is one serialiser of
 * the format-neutral Feed (render/feed.ts) plus its line here.
 */
import { absoluteUrl, routes } from '../../config/urls.js';
import { atomFeed } from '../../render/atom.js';
import { jsonFeed } from '../../render/json-feed.js';
import type { RenderContext } from '../../render/context.js';
import { dailyFeed, FEED_ENTRY_TEMPLATE, siteFeed, tagFeed, type Feed } from '../../render/feed.js';
import type { Entry } from '../../parse/entry.js';
import type { FileSpec, Output } from '../types.js';

export interface FeedFormat {
  name: string;
  /** The file of a feed, from its stem (`feed`, `daily`, `tags/<slug>/feed`). */
  path: (stem: string) => string;
  serialise: (ctx: RenderContext, feed: Feed, self: string) => string;
}

export const FEED_FORMATS: readonly FeedFormat[] = [
  { name: 'atom', path: (stem) => `${stem}.xml`, serialise: atomFeed },
  { name: 'json', path: (stem) => `${stem}.json`, serialise: jsonFeed },
];

interface FeedSpec {
  stem: string;
  origin?: FileSpec['origin'];
  entries: readonly Entry[];
  values: readonly string[];
  feed: (ctx: RenderContext, entries: readonly Entry[]) => Feed;
}

export const feeds: Output = {
  name: 'feeds',
  plan({ site, settings, keep }) {
    const size = settings.feedSize;
    const files = (spec: FeedSpec): FileSpec[] =>
      FEED_FORMATS.map((format) => {
        const path = format.path(spec.stem);
        return {
          path,
          output: 'feeds',
          origin: spec.origin,
          // Entries' HTML comes from `_feed-entry.eta`: a change to it re-renders every feed.
          inputs: { entries: spec.entries, template: FEED_ENTRY_TEMPLATE, values: [format.name, ...spec.values] },
          render: (ctx, inputs) => format.serialise(ctx, spec.feed(ctx, inputs.entries), absoluteUrl(ctx.settings, path)),
        };
      });
    const tagFeeds = site.tags.flatMap((tag) =>
      keep(tag.key, tag, '', () => {
        const { name, slug } = tag;
        // The first entry (by path) with the tag: where its feed's path can be changed.
        const first = tag.entries.reduce((a, b) => (b.source < a.source ? b : a));
        return files({
          stem: routes.tagFeed(slug).replace(/\.xml$/, ''),
          origin: { file: first.source, line: first.lines.tags },
          entries: tag.entries.slice(0, size),
          values: [name],
          feed: (ctx, entries) => tagFeed(ctx, { name, slug }, entries),
        });
      }),
    );
    return [
      ...files({ stem: 'feed', entries: site.entries.slice(0, size), values: [], feed: siteFeed }),
      ...files({ stem: 'daily', entries: site.days.slice(0, size).flatMap((d) => d.entries), values: [], feed: dailyFeed }),
      ...tagFeeds,
    ];
  },
};
