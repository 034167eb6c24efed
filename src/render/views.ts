/** What templates see: plain objects with hrefs ready to print, built once per entry. */
import type { BodyLookup } from './bodies.js';
import { groupDays, type Day, type Site, type Tag } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { tagKey } from '../parse/slug.js';
import type { Settings } from '../settings.js';
import { rfc3339, zonedParts } from '../time.js';
import { absoluteUrl, href, routes } from '../urls.js';

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
  dayHref: string;
  /** RFC 3339, for `<time datetime>`. */
  datetime: string;
  /** `2026-11-26` or `2026-11-26 09:30` in the site's timezone. */
  dateText: string;
  updated?: string;
  tags: TagView[];
  /** `label` is the name, else the via URL's host. */
  via?: { url?: string; name?: string; label: string };
  /** Rendered, sanitised commentary: print raw with `<%~ %>`. */
  html: string;
  draft: boolean;
  /** Front-matter keys linklog does not use itself. */
  data: Record<string, unknown>;
}

export interface DayView {
  day: string;
  title: string;
  href: string;
  entries: EntryView[];
}

const routeOf = new WeakMap<Entry, string>();

export function entryRoute(e: Entry): string {
  let r = routeOf.get(e);
  if (r === undefined) routeOf.set(e, (r = routes.entry(e.date.day, e.slug)));
  return r;
}

export function entryAnchor(e: Entry): string {
  return `e-${e.date.day.replaceAll('-', '')}-${e.slug}`;
}

export function dayTitle(day: string): string {
  return `Links for ${day}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
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

function dateText(e: Entry, timeZone: string): string {
  if (!e.date.hasTime) return e.date.day;
  const p = zonedParts(e.date.instant, timeZone);
  return `${e.date.day} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

// Views outlive one build (in `linklog dev`): an unchanged entry under the same
// settings, tag names and body keeps its view. Each set of views checks a kept view
// once (`checked`), then hands it out: a front page shift asks for 100,000 at 100k.
const lasting = new WeakMap<Entry, { settings: string; names: Array<string | undefined>; html: string; view: EntryView; checked: number }>();
// The settings key of the last build, reused while equal: comparing the same string
// object is one check, comparing two equal copies walks them, once per entry shown.
let lastSettingsKey = '';
// Numbers, not objects: a young object stored in 100,000 old ones slows every scavenge.
let views = 0;

/** The display names of an entry's tags, in its order. */
export function tagNamesOf(site: Site, e: Entry): Array<string | undefined> {
  return e.tagKeys.map((k) => site.tagsByKey.get(k)?.name);
}

/** Whether the entry's tags are still displayed under these names (checked without building a string). */
export function sameTagNames(site: Site, e: Entry, names: ReadonlyArray<string | undefined>): boolean {
  if (names.length !== e.tagKeys.length) return false;
  for (let i = 0; i < names.length; i++) if (site.tagsByKey.get(e.tagKeys[i])?.name !== names[i]) return false;
  return true;
}

/** Builds (and memoises) the view of each entry; `html` is looked up per entry. */
export function createViews(site: Site, bodies: BodyLookup) {
  const { settings } = site;
  const fresh = JSON.stringify(settings);
  const settingsKey = fresh === lastSettingsKey ? lastSettingsKey : (lastSettingsKey = fresh);
  const stamp = ++views;
  const tagViews = new Map<string, TagView>();
  const tagOfKey = (key: string): TagView => {
    let v = tagViews.get(key);
    if (!v) {
      v = tagView(settings, site.tagsByKey.get(key)!);
      tagViews.set(key, v);
    }
    return v;
  };
  const entry = (e: Entry): EntryView => {
    const kept = lasting.get(e);
    if (kept?.checked === stamp) return kept.view;
    const html = bodies.get(e)?.page ?? '';
    if (kept && kept.settings === settingsKey && kept.html === html && sameTagNames(site, e, kept.names)) {
      kept.checked = stamp;
      return kept.view;
    }
    const route = entryRoute(e);
    const v: EntryView = {
      id: entryAnchor(e),
      title: e.title,
      url: e.url,
      domain: domainOf(e.url),
      href: href(settings, route),
      permalink: absoluteUrl(settings, route),
      day: e.date.day,
      dayHref: href(settings, routes.day(e.date.day)),
      datetime: rfc3339(e.date.instant),
      dateText: dateText(e, settings.timezone),
      updated: e.updated > e.date.instant ? rfc3339(e.updated) : undefined,
      tags: e.tagKeys.map(tagOfKey),
      via: e.via && { ...e.via, label: e.via.name ?? (e.via.url ? domainOf(e.via.url) : '') },
      html,
      draft: e.draft,
      data: e.data,
    };
    lasting.set(e, { settings: settingsKey, names: tagNamesOf(site, e), html, view: v, checked: stamp });
    return v;
  };
  const day = (d: Day): DayView => ({
    day: d.day,
    title: dayTitle(d.day),
    href: href(settings, routes.day(d.day)),
    entries: d.entries.map(entry),
  });
  /** Entries (newest first) grouped under their days, for list pages. */
  const groups = (entries: readonly Entry[]): DayView[] => groupDays(entries).map(day);
  return { entry, day, groups, tag: (name: string) => tagOfKey(tagKey(name)) };
}

export type Views = ReturnType<typeof createViews>;
