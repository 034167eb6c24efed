/**
 * RFC 5005 archived feeds: the site's and each tag's whole history in fixed pages of
 * `feedSize` entries, numbered from the oldest (`/feeds/archive/N.xml`,
 * `/tags/<slug>/archive/N.xml`). A full page (`fh:archive`) holds the same entries, and
 * so the same bytes, however many newer entries come: it is rebuilt only when one of its
 * own entries is edited or deleted. The page after the last full one is the page being
 * filled: the last full page's `next-archive` names it, so that link never has to be
 * added later; it has no `fh:archive` (it still changes), and every entry on it is in the
 * subscription feed too, which links the newest full page as `prev-archive`.
 * `feedArchives: false` turns them off. Atom only.
 */
import { translator } from '../../config/strings.js';
import { absoluteUrl, routes } from '../../config/urls.js';
import type { Entry } from '../../parse/entry.js';
import { atomFeed } from '../../render/atom.js';
import type { RenderContext } from '../../render/context.js';
import { FEED_ENTRY_TEMPLATE, siteFeed, tagFeed, type Feed } from '../../render/feed.js';
import type { FileSpec, Output } from '../types.js';

/** How `count` entries split into pages of `size`: how many are full, and how many files there are (none without a full page). */
export function archivePages(count: number, size: number): { full: number; pages: number } {
  const full = Math.floor(count / size);
  return { full, pages: full === 0 ? 0 : full + 1 };
}

/** Page `n`'s entries (1 is the oldest page), newest first, from a feed's entries, newest first. */
export function archiveEntries(entries: readonly Entry[], n: number, size: number): readonly Entry[] {
  const end = entries.length - (n - 1) * size;
  return entries.slice(Math.max(0, end - size), end);
}

interface History {
  /** The feed's entries, newest first. */
  entries: readonly Entry[];
  route: (n: number) => string;
  /** The subscription feed's route. */
  current: string;
  title: string;
  values: readonly string[];
  origin?: FileSpec['origin'];
  feed: (ctx: RenderContext, entries: readonly Entry[]) => Feed;
}

function archiveFiles(size: number, h: History): FileSpec[] {
  const { full, pages } = archivePages(h.entries.length, size);
  const files: FileSpec[] = [];
  for (let n = 1; n <= pages; n++) {
    const isFull = n <= full;
    const path = h.route(n);
    files.push({
      path,
      output: 'feed-archives',
      origin: h.origin,
      // A full page is signed by its number and entries only: newer entries do not touch it.
      inputs: { entries: archiveEntries(h.entries, n, size), template: FEED_ENTRY_TEMPLATE, values: [n, isFull, h.current, h.title, ...h.values] },
      render: (ctx, inputs) => {
        const abs = (route: string) => absoluteUrl(ctx.settings, route);
        const feed: Feed = {
          ...h.feed(ctx, inputs.entries),
          title: ctx.tr.t('feed.archive', { title: h.title, page: n }),
          hubs: undefined,
          history: {
            archive: isFull,
            current: abs(h.current),
            prevArchive: n > 1 ? abs(h.route(n - 1)) : undefined,
            nextArchive: isFull ? abs(h.route(n + 1)) : undefined,
          },
        };
        return atomFeed(ctx, feed, abs(path));
      },
    });
  }
  return files;
}

export const feedArchives: Output = {
  name: 'feed-archives',
  plan({ site, settings, keep }) {
    if (!settings.feedArchives) return [];
    const size = settings.feedSize;
    const tagArchives = site.tags.flatMap((tag) =>
      keep(tag.key, tag, '', () => {
        const { name, slug } = tag;
        const first = tag.entries.reduce((a, b) => (b.source < a.source ? b : a));
        return archiveFiles(size, {
          entries: tag.entries,
          route: (n) => routes.tagFeedArchive(slug, n),
          current: routes.tagFeed(slug),
          title: translator(settings).t('feed.tag', { site: settings.title, tag: name }),
          values: [name],
          origin: { file: first.source, line: first.lines.tags },
          feed: (ctx, entries) => tagFeed(ctx, { name, slug }, entries),
        });
      }),
    );
    return [
      ...archiveFiles(size, { entries: site.entries, route: routes.feedArchive, current: routes.feed(), title: settings.title, values: [], feed: siteFeed }),
      ...tagArchives,
    ];
  },
};
