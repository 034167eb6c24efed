/** What templates see: plain objects with hrefs ready to print, built once per entry. */
import type { Settings } from '../config/settings.js';
import { absoluteUrl, entryAnchor, href, routes } from '../config/urls.js';
import { rfc3339, type Zone } from '../lib/time.js';
import type { BodyLookup } from '../markdown/bodies.js';
import { pageHtmlUnder } from '../markdown/html.js';
import { groupDays, type Site, type Tag } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { tagKey } from '../parse/slug.js';
import { translator } from '../config/strings.js';
import { dateFormatter } from './dates.js';
import { dayTitle } from './strings.js';
import { languageTag } from '../lib/text.js';

export interface TagView {
  name: string;
  slug: string;
  href: string;
}

export interface TagWithCount extends TagView {
  count: number;
}

export interface EntryView {
  /** Anchor id of the entry's article, unique across the site. */
  id: string;
  title: string;
  url: string;
  /** Host of the url without `www.`, shown beside the title. */
  domain: string;
  /** Root-relative link to the entry's own page. */
  href: string;
  /** Absolute link to the entry's own page. */
  permalink: string;
  day: string;
  /** The day as the date format writes it. */
  dayText: string;
  dayHref: string;
  /** RFC 3339, for `<time datetime>`. */
  datetime: string;
  /** `2026-11-26` or `2026-11-26 09:30` in the site's timezone. */
  dateText: string;
  updated?: string;
  tags: TagView[];
  /** `label` is the name, else the via URL's host. */
  via?: { url?: string; name?: string; label: string };
  /** The copy the author chose for when the link is dead (`archived:`). */
  archived?: string;
  /** Rendered, sanitised commentary: print raw with `<%~ %>`. Its headings are below an `<h1>` title. */
  html: string;
  /** The commentary for a title shown at `level` (1–6): its headings below that, so no page skips a heading level. */
  htmlAt: (level: number) => string;
  draft: boolean;
  /** Front-matter keys linklog does not use itself. */
  data: Record<string, unknown>;
  /** The entry's language (front-matter `lang`), when it is a well-formed tag. */
  lang?: string;
}

export interface DayView {
  day: string;
  title: string;
  href: string;
  entries: EntryView[];
}

/** The display names of an entry's tags, in its order. */
export function tagNamesOf(site: Site, e: Entry): Array<string | undefined> {
  return e.tagKeys.map((k) => site.tagsByKey.get(k)?.name);
}

/** An entry's tag: no count, so an entry's view does not change when other entries are tagged alike. */
export function tagView(settings: Settings, tag: Tag): TagView {
  return { name: tag.name, slug: tag.slug, href: href(settings, routes.tag(tag.slug)) };
}

export function tagWithCount(settings: Settings, tag: Tag): TagWithCount {
  return { ...tagView(settings, tag), count: tag.entries.length };
}

function domainOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}


/**
 * Entry views kept from one build to the next (`linklog dev`), by source path: a view
 * stands while the entry's hash, its HTML, its tags' display names and the settings do.
 * A new entry on the front page shifts every list page; at 100k entries that asks for
 * every view again.
 */
export interface ViewCache {
  settingsKey: string;
  byEntry: Map<string, { hash: string; html: string; names: Array<string | undefined>; view: EntryView }>;
}

export function emptyViewCache(): ViewCache {
  return { settingsKey: '', byEntry: new Map() };
}

function sameNames(site: Site, e: Entry, names: ReadonlyArray<string | undefined>): boolean {
  if (names.length !== e.tagKeys.length) return false;
  for (let i = 0; i < names.length; i++) if (site.tagsByKey.get(e.tagKeys[i])?.name !== names[i]) return false;
  return true;
}

/** The views of one build: each entry's is made (or taken from `cache`) once. */
export function createViews(site: Site, bodies: BodyLookup, zone: Zone, cache: ViewCache = emptyViewCache()) {
  const { settings } = site;
  const settingsKey = JSON.stringify(settings);
  if (cache.settingsKey !== settingsKey) {
    cache.settingsKey = settingsKey;
    cache.byEntry.clear();
  }
  const tr = translator(settings);
  const dates = dateFormatter(settings);
  const tagViews = new Map<string, TagView>();
  const tagOfKey = (key: string): TagView => {
    let v = tagViews.get(key);
    if (!v) tagViews.set(key, (v = tagView(settings, site.tagsByKey.get(key)!)));
    return v;
  };
  const asked = new Map<Entry, EntryView>();
  const entry = (e: Entry): EntryView => {
    const known = asked.get(e);
    if (known) return known;
    const body = bodies.get(e);
    const html = body?.page ?? '';
    const kept = cache.byEntry.get(e.source);
    if (kept && kept.hash === e.hash && kept.html === html && sameNames(site, e, kept.names)) {
      asked.set(e, kept.view);
      return kept.view;
    }
    const route = routes.entry(e.date.day, e.slug);
    const v: EntryView = {
      id: entryAnchor(e.date.day, e.slug),
      title: e.title,
      url: e.url,
      domain: domainOf(e.url),
      href: href(settings, route),
      permalink: absoluteUrl(settings, route),
      day: e.date.day,
      dayText: dates.day(e.date.day),
      dayHref: href(settings, routes.day(e.date.day)),
      datetime: rfc3339(e.date.instant),
      dateText: dates.dateTime(e.date.instant, e.date.day, e.date.hasTime, zone),
      updated: e.updated > e.date.instant ? rfc3339(e.updated) : undefined,
      tags: e.tagKeys.map(tagOfKey),
      via: e.via && { ...e.via, label: e.via.name ?? (e.via.url ? domainOf(e.via.url) : '') },
      archived: e.archived,
      html,
      htmlAt: (level) => pageHtmlUnder(body, level),
      draft: e.draft,
      data: e.data,
      lang: languageTag(e.data.lang),
    };
    cache.byEntry.set(e.source, { hash: e.hash, html, names: tagNamesOf(site, e), view: v });
    asked.set(e, v);
    return v;
  };
  const day = (d: { day: string; entries: readonly Entry[] }): DayView => ({
    day: d.day,
    title: dayTitle(tr, dates, d.day),
    href: href(settings, routes.day(d.day)),
    entries: d.entries.map(entry),
  });
  /** Entries (newest first) grouped under their days, for list pages. */
  const groups = (entries: readonly Entry[]): DayView[] => groupDays(entries).map(day);
  return { entry, day, groups, tag: (name: string) => tagOfKey(tagKey(name)) };
}

export type Views = ReturnType<typeof createViews>;

/** Forgets the views of entries no longer in `entries`. */
export function retainViews(cache: ViewCache, entries: readonly Entry[]): void {
  if (cache.byEntry.size <= entries.length) return;
  const live = new Set(entries.map((e) => e.source));
  for (const source of cache.byEntry.keys()) if (!live.has(source)) cache.byEntry.delete(source);
}
