/** HTML pages as planned files: what every page declares, and the one way they render. */
import type { Settings } from '../config/settings.js';
import { href, outputPath, routes } from '../config/urls.js';
import { lastmodOf, paginate } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { renderPage, type FeedLink } from '../render/context.js';
import type { Views } from '../render/views.js';
import type { FileSpec, Value } from './types.js';

/** Feed links a page shows in its head, with the text they are signed by. */
export interface FeedLinks {
  links: readonly FeedLink[];
  key: string;
}

export function feedLinks(links: FeedLink[]): FeedLinks {
  return { links, key: links.map((l) => `${l.title}\t${l.href}`).join('\n') };
}

/** The site's own feeds, linked from every page. */
export function siteFeedLinks(settings: Settings): FeedLinks {
  return feedLinks([
    { title: `${settings.title} (Atom)`, href: href(settings, routes.feed()) },
    { title: `${settings.title}, one post a day (Atom)`, href: href(settings, routes.daily()) },
  ]);
}

export function tagFeedLink(settings: Settings, tag: { name: string; slug: string }): FeedLink {
  return { title: `${settings.title}: links tagged ${tag.name} (Atom)`, href: href(settings, routes.tagFeed(tag.slug)) };
}

export interface PageSpec {
  route: string;
  template: string;
  /** The page's title; none: the title of its one entry (an entry's own page). */
  title?: string;
  feeds: FeedLinks;
  prev?: string;
  next?: string;
  /** The entries whose views the page shows. */
  entries: readonly Entry[];
  /** The page's other values (see plan/types.ts). */
  values?: readonly Value[];
  /** Left out of the sitemap, without a canonical URL (the 404 page). */
  unlisted?: boolean;
  lastmod: number | undefined;
  origin?: FileSpec['origin'];
  /** The template's data, from the views of the page's entries (`entries` is the page's inputs.entries). */
  data: (views: Views, entries: readonly Entry[]) => Record<string, unknown>;
}

export function pageFile(output: string, spec: PageSpec): FileSpec {
  const { route, template, feeds, prev, next } = spec;
  return {
    path: outputPath(route),
    output,
    origin: spec.origin,
    inputs: { template, entries: spec.entries, values: [route, spec.title, prev, next, feeds.key, ...(spec.values ?? [])] },
    sitemap: spec.unlisted ? undefined : { route, lastmod: spec.lastmod },
    render: (ctx, inputs) =>
      renderPage(
        ctx,
        { route, template, title: spec.title ?? inputs.entries[0].title, feeds: feeds.links, prev, next, listed: !spec.unlisted },
        spec.data(ctx.views, inputs.entries),
      ),
  };
}

/** A list of entries on numbered pages, `perPage` each, newest first, under day headings. */
export function paginatedPages(
  output: string,
  settings: Settings,
  entries: readonly Entry[],
  list: {
    route: (n: number) => string;
    title: (n: number, of: number) => string;
    template: string;
    feeds: FeedLinks;
    values: readonly Value[];
    data: () => Record<string, unknown>;
    origin?: FileSpec['origin'];
  },
): FileSpec[] {
  const chunks = paginate(entries, settings.perPage);
  return chunks.map((chunk, i) => {
    const n = i + 1;
    const prev = n > 1 ? href(settings, list.route(n - 1)) : undefined;
    const next = n < chunks.length ? href(settings, list.route(n + 1)) : undefined;
    return pageFile(output, {
      route: list.route(n),
      template: list.template,
      title: list.title(n, chunks.length),
      feeds: list.feeds,
      prev,
      next,
      entries: chunk,
      values: [`${n}/${chunks.length}`, ...list.values],
      lastmod: lastmodOf(chunk),
      origin: list.origin,
      data: (views, shown) => ({ ...list.data(), groups: views.groups(shown), pagination: { page: n, pages: chunks.length, prev, next } }),
    });
  });
}
