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
import { fullPages } from './feed-archives.js';

export interface FeedFormat {
  name: string;
  /** The file of a feed, from its stem (`feed`, `daily`, `tags/<slug>/feed`). */
  path: (stem: string) => string;
  /** The document, in pieces (see FileContent). */
  serialise: (ctx: RenderContext, feed: Feed, self: string) => readonly string[];
}

export const FEED_FORMATS: readonly FeedFormat[] = [
  { name: 'atom', path: (stem) => `${stem}.xml`, serialise: atomFeed },
  { name: 'json', path: (stem) => `${stem}.json`, serialise: jsonFeed },
];

/** The path of every subscription feed of the site, in every format (what `linklog ping` announces). */
export function subscriptionFeedPaths(site: { tags: ReadonlyArray<{ slug: string }> }): string[] {
  const stems = [routes.feed(), routes.daily(), ...site.tags.map((t) => routes.tagFeed(t.slug))].map((r) => r.replace(/\.xml$/, ''));
  return stems.flatMap((stem) => FEED_FORMATS.map((f) => f.path(stem)));
}

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
    /** The newest full archive page, when archives are on and there is one (see feed-archives.ts). */
    const prevArchive = (count: number, route: (n: number) => string) => {
      const full = fullPages(count, size);
      return settings.feedArchives && full > 0 ? route(full) : undefined;
    };
    const withHistory = (feed: Feed, prev: string | undefined, ctx: RenderContext): Feed =>
      prev ? { ...feed, history: { archive: false, prevArchive: absoluteUrl(ctx.settings, prev) } } : feed;
    // Each tag's feeds one part: the same array while the tag is (plan.ts reuses its files).
    const tagFeeds = site.tags.map((tag) =>
      keep(tag.key, tag, '', () => {
        const { name, slug } = tag;
        const prev = prevArchive(tag.entries.length, (n) => routes.tagFeedArchive(slug, n));
        return files({
          stem: routes.tagFeed(slug).replace(/\.xml$/, ''),
          origin: { file: tag.origin.source, line: tag.origin.lines.tags },
          entries: tag.entries.slice(0, size),
          values: [name, prev ?? ''],
          feed: (ctx, entries) => withHistory(tagFeed(ctx, { name, slug }, entries), prev, ctx),
        });
      }),
    );
    const prev = prevArchive(site.entries.length, routes.feedArchive);
    return [
      ...files({ stem: 'feed', entries: site.entries.slice(0, size), values: [prev ?? ''], feed: (ctx, entries) => withHistory(siteFeed(ctx, entries), prev, ctx) }),
      ...files({ stem: 'daily', entries: site.days.slice(0, size).flatMap((d) => d.entries), values: [], feed: dailyFeed }),
      ...tagFeeds,
    ];
  },
};
