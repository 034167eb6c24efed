/**
 * RFC 5005 archived feeds: the site's and each tag's whole history in fixed pages of
 * `feedSize` entries, numbered from the oldest (`/feeds/archive/N.xml`,
 * `/tags/<slug>/archive/N.xml`). Only full pages are archives (`fh:archive`): a page
 * holds the same entries however many newer ones come. The entries after the newest
 * full page are fewer than `feedSize`, so the subscription feed (the newest `feedSize`)
 * holds them all and links that page as `prev-archive`: a new entry writes no archive
 * file. Once `feedSize` more have come, a new page is written and the one before it gains
 * its `next-archive` (RFC 5005 §4: an archive links the next one when there is one);
 * otherwise a page is rebuilt only when one of its own entries is edited or deleted.
 * `feedArchives: false` turns them off. Atom only.
 */
import { translator } from '../../config/strings.js';
import { absoluteUrl, routes } from '../../config/urls.js';
import type { Entry } from '../../parse/entry.js';
import { atomFeed } from '../../render/atom.js';
import type { RenderContext } from '../../render/context.js';
import { FEED_ENTRY_TEMPLATE, siteFeed, tagFeed, type Feed } from '../../render/feed.js';
import type { FileSpec, Output } from '../types.js';

/** The archive files of `count` entries: one per full page of `size`. */
export const fullPages = (count: number, size: number): number => Math.floor(count / size);

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
  const full = fullPages(h.entries.length, size);
  const files: FileSpec[] = [];
  for (let n = 1; n <= full; n++) {
    const hasNext = n < full;
    const path = h.route(n);
    files.push({
      path,
      output: 'feed-archives',
      origin: h.origin,
      // Signed by its number, its entries and whether a next page exists: newer entries touch it once.
      inputs: { entries: archiveEntries(h.entries, n, size), template: FEED_ENTRY_TEMPLATE, values: [n, hasNext, h.current, h.title, ...h.values] },
      render: (ctx, inputs) => {
        const abs = (route: string) => absoluteUrl(ctx.settings, route);
        const feed: Feed = {
          ...h.feed(ctx, inputs.entries),
          title: ctx.tr.t('feed.archive', { title: h.title, page: n }),
          hubs: undefined,
          history: {
            archive: true,
            current: abs(h.current),
            prevArchive: n > 1 ? abs(h.route(n - 1)) : undefined,
            nextArchive: hasNext ? abs(h.route(n + 1)) : undefined,
          },
        };
        return atomFeed(ctx, feed, abs(path));
      },
    });
  }
  return files;
}

/** The site's archive pages as last planned: the same array (one part) while every page holds the same entries. */
interface SiteArchive {
  /** The site's entries then, and how many full pages they made. */
  entries: readonly Entry[];
  full: number;
  specs: readonly FileSpec[];
}

export const feedArchives: Output = {
  name: 'feed-archives',
  plan({ site, settings, keep, memo }) {
    if (!settings.feedArchives) return [];
    const size = settings.feedSize;
    // Thousands of pages at 100k entries: a new entry that fills none keeps them all, unvisited.
    const kept = memo<{ site?: SiteArchive }>(() => ({}));
    const full = fullPages(site.entries.length, size);
    if (kept.site === undefined || kept.site.full !== full || !sameOldest(kept.site.entries, site.entries, full * size)) {
      kept.site = { entries: site.entries, full, specs: archiveFiles(size, { entries: site.entries, route: routes.feedArchive, current: routes.feed(), title: settings.title, values: [], feed: siteFeed }) };
    }
    // Each tag's pages one part: the same array while the tag is.
    const tagArchives = site.tags.map((tag) =>
      keep(tag.key, tag, '', () => {
        const { name, slug } = tag;
        return archiveFiles(size, {
          entries: tag.entries,
          route: (n) => routes.tagFeedArchive(slug, n),
          current: routes.tagFeed(slug),
          title: translator(settings).t('feed.tag', { site: settings.title, tag: name }),
          values: [name],
          origin: { file: tag.origin.source, line: tag.origin.lines.tags },
          feed: (ctx, entries) => tagFeed(ctx, { name, slug }, entries),
        });
      }),
    );
    return [kept.site.specs, ...tagArchives];
  },
};

/** Whether two lists (newest first) end in the same `count` entries: the same full pages, without a copy of them. */
function sameOldest(a: readonly Entry[], b: readonly Entry[], count: number): boolean {
  if (a.length < count || b.length < count) return false;
  for (let i = 1; i <= count; i++) if (a[a.length - i] !== b[b.length - i]) return false;
  return true;
}
