/** The site model: Entry[] → days, months, years and tags. Pure: no I/O, no rendering. */
import { compareStrings, error, type Diagnostic } from '../diagnostics.js';
import type { Entry } from '../parse/entry.js';
import type { Settings } from '../settings.js';
import { routes } from '../urls.js';
import { addTagSlugs, buildTags, bySource, indexTagSlugs, makeTag, slugOfKey, sortTags, tagSlugDiagnostics, type Tag, type TagSlugIndex } from './tags.js';

export type { Tag } from './tags.js';

export interface Day {
  /** `YYYY-MM-DD` */
  day: string;
  /** newest first */
  entries: Entry[];
}

export interface Month {
  /** `YYYY-MM` */
  month: string;
  /** newest first */
  days: Day[];
  count: number;
}

export interface Year {
  year: string;
  /** newest first */
  months: Month[];
  count: number;
}

export interface Site {
  settings: Settings;
  /** Published entries, newest first. */
  entries: Entry[];
  days: Day[];
  months: Month[];
  years: Year[];
  /** Sorted by slug. */
  tags: Tag[];
  tagsByKey: Map<string, Tag>;
}

export interface ModelOptions {
  drafts?: boolean;
}

/** Newest first; ties broken by slug then source path so the order never depends on the disk. */
export function compareEntries(a: Entry, b: Entry): number {
  return b.date.instant - a.date.instant || compareStrings(a.slug, b.slug) || compareStrings(a.source, b.source);
}

/** Day → slug → the entries (source order, drafts too) published there: what the permalink check reads. */
export type PermalinkIndex = Map<string, Map<string, Entry[]>>;

/**
 * What a model was built from, kept by a long-lived Builder (`linklog dev`) so the
 * next build can apply only what changed (updateModel) instead of building anew.
 */
export interface ModelIndex {
  site: Site;
  drafts: boolean;
  permalinks: PermalinkIndex;
  tagSlugs: TagSlugIndex;
  /** Permalinks (day, then slug, joined by a space) and tag slugs claimed twice: where the diagnostics come from. */
  clashes: { permalinks: Set<string>; slugs: Set<string> };
}

export interface ModelChanges {
  /** Entries new to the site, or new versions of changed files. */
  added: readonly Entry[];
  /** Entries gone from the site, or old versions of changed files. */
  removed: readonly Entry[];
}

/**
 * Checks what only shows across files (two entries with one permalink, two tags
 * with one slug) over every entry, drafts included, so that `--drafts` never
 * reveals a new error; then builds the model of what gets published.
 */
export function buildModel(
  all: readonly Entry[],
  settings: Settings,
  options: ModelOptions = {},
): { site: Site; diagnostics: Diagnostic[]; index: ModelIndex } {
  const drafts = Boolean(options.drafts);
  const permalinks: PermalinkIndex = new Map();
  for (const e of bySource(all)) addPermalink(permalinks, e).push(e);
  const tagSlugs = indexTagSlugs(all);
  const entries = all.filter((e) => drafts || !e.draft).sort(compareEntries);
  const days = groupDays(entries);
  const tags = buildTags(entries);
  const site = siteOf(settings, entries, days, tags);
  const clashes = { permalinks: new Set<string>(), slugs: new Set<string>() };
  for (const [day, bySlug] of permalinks) for (const [slug, list] of bySlug) if (list.length > 1) clashes.permalinks.add(`${day} ${slug}`);
  for (const [slug, byKey] of tagSlugs) if (byKey.size > 1) clashes.slugs.add(slug);
  const index: ModelIndex = { site, drafts, permalinks, tagSlugs, clashes };
  return { site, diagnostics: diagnosticsOf(index), index };
}

/**
 * The model after `changes`, from the index of the last one: only the days and tags
 * the changed entries are on are made anew (new objects: pages that show the others
 * see the same lists as before), and only their permalinks and tag slugs are checked.
 * The same site as buildModel over every entry would give; the index is updated in place.
 */
export function updateModel(index: ModelIndex, changes: ModelChanges, settings: Settings): { site: Site; diagnostics: Diagnostic[] } {
  const published = (e: Entry) => index.drafts || !e.draft;
  for (const e of changes.removed) {
    const list = index.permalinks.get(e.date.day)?.get(e.slug);
    if (list) removeFrom(list, e);
    if (list?.length === 0) index.permalinks.get(e.date.day)!.delete(e.slug);
    addTagSlugs(index.tagSlugs, e, (l) => removeFrom(l, e));
  }
  for (const e of changes.added) {
    const list = addPermalink(index.permalinks, e);
    list.splice(bisect(list, e, bySourcePath), 0, e);
    if (list.length > 1) index.clashes.permalinks.add(`${e.date.day} ${e.slug}`);
    addTagSlugs(index.tagSlugs, e, (l) => l.splice(bisect(l, e, bySourcePath), 0, e));
  }
  for (const e of [...changes.removed, ...changes.added]) {
    for (const key of e.tagKeys) {
      const slug = slugOfKey(key);
      const byKey = index.tagSlugs.get(slug);
      for (const [k, l] of byKey ?? []) if (l.length === 0) byKey!.delete(k);
      if (byKey?.size === 0) index.tagSlugs.delete(slug);
      if ((byKey?.size ?? 0) > 1) index.clashes.slugs.add(slug);
    }
  }

  const old = index.site;
  const removed = changes.removed.filter(published);
  const added = changes.added.filter(published);
  let entries = old.entries;
  let days = old.days;
  const tagsByKey = new Map(old.tagsByKey);
  if (removed.length > 0 || added.length > 0) {
    entries = [...old.entries];
    for (const e of removed) removeFrom(entries, e, compareEntries);
    for (const e of added) entries.splice(bisect(entries, e, compareEntries), 0, e);
    // Each touched day and tag gets a new list; the rest keep theirs.
    const touchedDays = new Set([...removed, ...added].map((e) => e.date.day));
    const byDay = new Map(old.days.map((d) => [d.day, d]));
    for (const day of touchedDays) {
      const list = dayEntries(entries, day);
      if (list.length > 0) byDay.set(day, { day, entries: list });
      else byDay.delete(day);
    }
    days = [...byDay.values()].sort((a, b) => compareStrings(b.day, a.day));
    const touchedTags = new Set([...removed, ...added].flatMap((e) => e.tagKeys));
    for (const key of touchedTags) {
      const before = old.tagsByKey.get(key);
      const list = before ? [...before.entries] : [];
      for (const e of removed) if (e.tagKeys.includes(key)) removeFrom(list, e, compareEntries);
      for (const e of added) if (e.tagKeys.includes(key)) list.splice(bisect(list, e, compareEntries), 0, e);
      if (list.length > 0) tagsByKey.set(key, makeTag(key, list, before?.slug));
      else tagsByKey.delete(key);
    }
  }
  index.site = siteOf(settings, entries, days, sortTags([...tagsByKey.values()]));
  return { site: index.site, diagnostics: diagnosticsOf(index) };
}

/**
 * `fresh` in place of `old` (same date, slug, title, tags and draft flag: `linklog dev`
 * patching a commentary edit), in the site's lists and in the checks' lists alike.
 */
export function replaceInModel(index: ModelIndex, old: Entry, fresh: Entry): void {
  const swap = (list: Entry[] | undefined) => {
    const at = list ? list.indexOf(old) : -1;
    if (at !== -1) list![at] = fresh;
  };
  const { site } = index;
  swap(site.entries);
  for (const d of site.days) if (d.day === old.date.day) swap(d.entries);
  for (const k of old.tagKeys) swap(site.tagsByKey.get(k)?.entries);
  swap(index.permalinks.get(old.date.day)?.get(old.slug));
  addTagSlugs(index.tagSlugs, old, swap);
}

function siteOf(settings: Settings, entries: Entry[], days: Day[], tags: Tag[]): Site {
  const months = groupMonths(days);
  const years = groupYears(months);
  return { settings, entries, days, months, years, tags, tagsByKey: new Map(tags.map((t) => [t.key, t])) };
}

function addPermalink(index: PermalinkIndex, e: Entry): Entry[] {
  let onDay = index.get(e.date.day);
  if (!onDay) index.set(e.date.day, (onDay = new Map()));
  let list = onDay.get(e.slug);
  if (!list) onDay.set(e.slug, (list = []));
  return list;
}

/** The checks' findings, from the permalinks and slugs claimed twice (which stop being so are dropped). */
function diagnosticsOf(index: ModelIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const at of index.clashes.permalinks) {
    const space = at.indexOf(' ');
    const list = index.permalinks.get(at.slice(0, space))?.get(at.slice(space + 1)) ?? [];
    if (list.length < 2) index.clashes.permalinks.delete(at);
    // The first file (by path) keeps the permalink; the others are told to move.
    for (const e of list.slice(1)) {
      const route = routes.entry(e.date.day, e.slug);
      out.push(error(e.source, e.lines.slug ?? e.lines.date ?? 1, `same permalink /${route} as ${list[0].source}: give one of them another slug: or date:`));
    }
  }
  for (const slug of index.clashes.slugs) if ((index.tagSlugs.get(slug)?.size ?? 0) < 2) index.clashes.slugs.delete(slug);
  out.push(...tagSlugDiagnostics(index.tagSlugs, index.clashes.slugs));
  return out;
}

const bySourcePath = (a: Entry, b: Entry) => compareStrings(a.source, b.source);

/** The first index of `list` whose item is not `before` (the list holds those that are first). */
function firstNotBefore(list: readonly Entry[], before: (item: Entry) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `e` goes in `list`, sorted by `compare`. */
function bisect(list: readonly Entry[], e: Entry, compare: (a: Entry, b: Entry) => number): number {
  return firstNotBefore(list, (item) => compare(item, e) < 0);
}

/** Takes `e` out of `list` (found by `compare` when the list is sorted by it). */
function removeFrom(list: Entry[], e: Entry, compare?: (a: Entry, b: Entry) => number): void {
  let at = compare ? bisect(list, e, compare) : -1;
  if (list[at] !== e) at = list.indexOf(e);
  if (at !== -1) list.splice(at, 1);
}

/** A day's entries, from the site's (newest first, so a day's are together). */
function dayEntries(entries: readonly Entry[], day: string): Entry[] {
  const start = firstNotBefore(entries, (e) => e.date.day > day);
  let end = start;
  while (end < entries.length && entries[end].date.day === day) end++;
  return entries.slice(start, end);
}

/** Consecutive items with the same key, in order: one pass over an already sorted list. */
function runsBy<T>(items: readonly T[], keyOf: (item: T) => string): Array<{ key: string; items: T[] }> {
  const runs: Array<{ key: string; items: T[] }> = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = runs[runs.length - 1];
    if (last && last.key === key) last.items.push(item);
    else runs.push({ key, items: [item] });
  }
  return runs;
}

/** Entries (already newest first) grouped by day, newest day first. */
export function groupDays(entries: readonly Entry[]): Day[] {
  return runsBy(entries, (e) => e.date.day).map((r) => ({ day: r.key, entries: r.items }));
}

function groupMonths(days: readonly Day[]): Month[] {
  return runsBy(days, (d) => d.day.slice(0, 7)).map((r) => ({ month: r.key, days: r.items, count: r.items.reduce((n, d) => n + d.entries.length, 0) }));
}

function groupYears(months: readonly Month[]): Year[] {
  return runsBy(months, (m) => m.month.slice(0, 4)).map((r) => ({ year: r.key, months: r.items, count: r.items.reduce((n, m) => n + m.count, 0) }));
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}
