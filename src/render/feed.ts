/**
 * Feeds as data, apart from any format: the site's, the daily one and each tag's are
 * made here from the model; `atom.ts` (and any other format) only serialises them.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Author } from '../config/settings.js';
import { absoluteUrl, entryId, routes } from '../config/urls.js';
import { lastmodOf } from '../model/index.js';
import type { Entry, Via } from '../parse/entry.js';
import { feedHtmlOf, keptDayOf, TemplateError, type RenderContext } from './context.js';
import { dayTitle } from './strings.js';

export const GENERATOR = { name: 'linklog', uri: 'https://www.npmjs.com/package/linklog' };

export interface FeedItem {
  id: string;
  title: string;
  /** What the item is about: the bookmarked url, or a day's page. */
  url: string;
  /** The item's own page on the site, when it is not `url`. */
  permalink?: string;
  via?: Via;
  /** The copy the author chose for when the link is dead. */
  archived?: string;
  published: number;
  updated: number;
  /** Display names, linked to their pages. */
  tags: Array<{ name: string; href: string }>;
  /** Sanitised HTML, every URL absolute. */
  html: string;
  /** The entry it shows: a serialiser may keep its text for the other feeds of the build. */
  entry?: Entry;
  /** Its serialised text by format, kept between builds (a day's post, see FeedHtml.days). */
  texts?: Map<string, string>;
}

/** A feed document in pieces (see FileContent): `head`, each item's text in `format` with `sep` between them, `tail`. */
export function feedPieces(head: string, feed: Feed, format: string, sep: string, make: (item: FeedItem) => string, tail: string): string[] {
  const pieces = [head];
  feed.items.forEach((item, i) => {
    if (i > 0) pieces.push(sep);
    pieces.push(itemText(item, format, () => make(item)));
  });
  pieces.push(tail);
  return pieces;
}

/** The item's text in `format`: kept in `item.texts` when it has them, else made by `make`. */
export function itemText(item: FeedItem, format: string, make: () => string): string {
  if (!item.texts) return make();
  let text = item.texts.get(format);
  if (text === undefined) item.texts.set(format, (text = make()));
  return text;
}

export interface Feed {
  title: string;
  subtitle?: string;
  language: string;
  author: Author;
  /** The HTML page the feed mirrors, absolute. */
  home: string;
  /** The tag index, absolute: the scheme of item tags. */
  tagScheme: string;
  /** Newest `updated` of its items: never the clock. */
  updated: number | undefined;
  generator: { name: string; uri: string; version: string };
  /** RFC 5005 links (absolute): set on subscription feeds with archives and on archive documents. */
  history?: FeedHistory;
  /** WebSub hubs that are told when the feed changes. */
  hubs?: readonly string[];
  items: FeedItem[];
}


export interface FeedHistory {
  /** A complete archive document (`fh:archive`): its entries never change when newer ones come. */
  archive: boolean;
  current?: string;
  prevArchive?: string;
  nextArchive?: string;
}

export function dayId(idAuthority: string, day: string): string {
  return `tag:${idAuthority},${day}:daily/${day}`;
}

function feedOf(ctx: RenderContext, fields: Pick<Feed, 'title' | 'subtitle' | 'home' | 'items' | 'updated'>): Feed {
  const { settings } = ctx;
  return {
    ...fields,
    language: settings.language,
    author: settings.author,
    tagScheme: absoluteUrl(settings, routes.tags()),
    generator: { ...GENERATOR, version: ctx.version },
    ...(settings.hub ? { hubs: [settings.hub] } : {}),
  };
}

export function entryItem(ctx: RenderContext, e: Entry): FeedItem {
  const { settings, site } = ctx;
  return {
    id: entryId(settings.idAuthority, e),
    title: e.title,
    url: e.url,
    permalink: absoluteUrl(settings, routes.entry(e.date.day, e.slug)),
    via: e.via,
    archived: e.archived,
    published: e.date.instant,
    updated: e.updated,
    tags: e.tagKeys.map((key) => {
      const tag = site.tagsByKey.get(key)!;
      return { name: tag.name, href: absoluteUrl(settings, routes.tag(tag.slug)) };
    }),
    html: feedEntryHtml(ctx, e),
    entry: e,
  };
}

/** The template every feed renders an entry's HTML with; a site may override it. */
export const FEED_ENTRY_TEMPLATE = '_feed-entry';

/**
 * An entry's HTML in every feed: `_feed-entry.eta` with the entry's view, every URL
 * absolute (its commentary, tags, permalink), rendered once per build (or kept from the last).
 */
export function feedEntryHtml(ctx: RenderContext, e: Entry): string {
  return feedHtmlOf(ctx.feedHtml, e, tagNames(ctx, e), () => makeFeedEntryHtml(ctx, e));
}

/** The entry's tags' names and slugs, which its feed HTML shows. */
function tagNames(ctx: RenderContext, e: Entry): string {
  let names = '';
  for (const key of e.tagKeys) {
    const tag = ctx.site.tagsByKey.get(key)!;
    names += `${tag.name}\t${tag.slug}\n`;
  }
  return names;
}

function makeFeedEntryHtml(ctx: RenderContext, e: Entry): string {
  const { settings } = ctx;
  const page = ctx.views.entry(e);
  const entry = {
    ...page,
    href: page.permalink,
    dayHref: absoluteUrl(settings, routes.day(e.date.day)),
    tags: e.tagKeys.map((key) => {
      const tag = ctx.site.tagsByKey.get(key)!;
      return { name: tag.name, slug: tag.slug, href: absoluteUrl(settings, routes.tag(tag.slug)) };
    }),
    html: ctx.bodies.get(e)?.feed ?? '',
  };
  try {
    return ctx.templates.eta.render(`@${FEED_ENTRY_TEMPLATE}`, { entry, site: ctx.common, t: ctx.tr.t, href: (route: string) => absoluteUrl(settings, route) }).trim();
  } catch (err) {
    throw new TemplateError(FEED_ENTRY_TEMPLATE, routes.entry(e.date.day, e.slug), err);
  }
}

/** A daily post: every link of the day with its commentary, all URLs absolute. */
export function dayItem(ctx: RenderContext, day: string, entries: readonly Entry[]): FeedItem {
  const { settings } = ctx;
  let published = Infinity;
  let names = '';
  for (const e of entries) {
    published = Math.min(published, e.date.instant);
    names += `${tagNames(ctx, e)}\n`;
  }
  const kept = keptDayOf(ctx.feedHtml, day, entries, names, () => dayContent(ctx, entries));
  return {
    id: dayId(settings.idAuthority, day),
    title: dayTitle(ctx.tr, ctx.dates, day),
    url: absoluteUrl(settings, routes.day(day)),
    published,
    updated: lastmodOf(entries)!,
    tags: [],
    html: kept.html,
    texts: kept.texts,
  };
}

function dayContent(ctx: RenderContext, entries: readonly Entry[]): string {
  const tree = h(
    null,
    entries.flatMap((e) => [
      h('h2', [h('a', { href: e.url }, e.title), ...(e.archived ? [' (', h('a', { href: e.archived }, 'archived copy'), ')'] : [])]),
      { type: 'raw' as const, value: feedEntryHtml(ctx, e) },
    ]),
  );
  return toHtml(tree, { allowDangerousHtml: true });
}

/** The site's feed: its newest entries. */
export function siteFeed(ctx: RenderContext, entries: readonly Entry[]): Feed {
  const { settings } = ctx;
  return feedOf(ctx, {
    title: settings.title,
    subtitle: settings.description || undefined,
    home: absoluteUrl(settings, routes.home()),
    items: entries.map((e) => entryItem(ctx, e)),
    updated: lastmodOf(entries),
  });
}

/** One post a day, for the newest days; `entries` are theirs, newest first. */
export function dailyFeed(ctx: RenderContext, entries: readonly Entry[]): Feed {
  const { settings } = ctx;
  const days: Array<{ day: string; entries: Entry[] }> = [];
  for (const e of entries) {
    const last = days[days.length - 1];
    if (last?.day === e.date.day) last.entries.push(e);
    else days.push({ day: e.date.day, entries: [e] });
  }
  return feedOf(ctx, {
    title: ctx.tr.t('feed.byDay', { site: settings.title }),
    subtitle: settings.description || undefined,
    home: absoluteUrl(settings, routes.archive()),
    items: days.map((d) => dayItem(ctx, d.day, d.entries)),
    updated: lastmodOf(entries),
  });
}

/** A tag's feed: its newest entries. */
export function tagFeed(ctx: RenderContext, tag: { name: string; slug: string }, entries: readonly Entry[]): Feed {
  const { settings } = ctx;
  return feedOf(ctx, {
    title: ctx.tr.t('feed.tag', { site: settings.title, tag: tag.name }),
    home: absoluteUrl(settings, routes.tag(tag.slug)),
    items: entries.map((e) => entryItem(ctx, e)),
    updated: lastmodOf(entries),
  });
}
