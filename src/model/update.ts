/**
 * The next model from the last one (`linklog dev`), copy on write: only the days, tags
 * and check lists a change touches are made anew; everything else is shared, so the
 * plan sees the same objects where nothing changed. Equal to buildModel over every
 * entry (the property test in test/model.test.ts is the contract).
 */
import type { Entry } from '../parse/entry.js';
import { lastmodOf, makeDay } from './calendar.js';
import { bisect, checkDiagnostics, firstNotBefore, updateChecks } from './checks.js';
import { compareEntries, siteOf, type Model } from './index.js';
import { compareTags, makeTag, slugMemo, type Tag } from './tags.js';

export interface ModelChanges {
  /** Entries new to the site, or new versions of changed files. */
  added: readonly Entry[];
  /** Entries gone from the site, or old versions of changed files. */
  removed: readonly Entry[];
}

export function updateModel(last: Model, changes: ModelChanges): Model {
  const slugOf = slugMemo(last.site.tags);
  const checks = updateChecks(last.checks, changes.removed, changes.added, slugOf);
  const published = (e: Entry) => last.drafts || !e.draft;
  const removed = changes.removed.filter(published);
  const added = changes.added.filter(published);
  const old = last.site;
  if (removed.length === 0 && added.length === 0) return { ...last, checks, diagnostics: checkDiagnostics(checks, slugOf) };

  const entries = [...old.entries];
  for (const e of removed) removeFrom(entries, e);
  for (const e of added) entries.splice(bisect(entries, e, compareEntries), 0, e);
  // Each touched day and tag gets a new list, put in its place in the last sorted lists (no
  // sort of them all); the rest keep theirs.
  const touched = [...removed, ...added];
  const days = [...old.days];
  for (const day of new Set(touched.map((e) => e.date.day))) {
    const list = dayEntries(entries, day);
    // Newest first.
    const at = firstNotBefore(days, (d) => d.day > day);
    const here = days[at]?.day === day;
    if (list.length > 0) days.splice(at, here ? 1 : 0, makeDay(day, list));
    else if (here) days.splice(at, 1);
  }
  const tags = [...old.tags];
  const tagsByKey = new Map<string, Tag>(old.tagsByKey);
  const placeOf = (t: Tag) => firstNotBefore(tags, (u) => compareTags(u, t) < 0);
  for (const key of new Set(touched.flatMap((e) => e.tagKeys))) {
    const before = old.tagsByKey.get(key);
    const list = before ? [...before.entries] : [];
    for (const e of removed) if (e.tagKeys.includes(key)) removeFrom(list, e);
    for (const e of added) if (e.tagKeys.includes(key)) list.splice(bisect(list, e, compareEntries), 0, e);
    // Its slug is its key's: a tag keeps its place.
    const at = before ? placeOf(before) : -1;
    if (before && tags[at] !== before) throw new Error(`the model's tags are not sorted at ${key}`);
    if (list.length > 0) {
      const tag = makeTag(key, list, before?.slug ?? slugOf(key), before && { name: sameWinner(before, key, removed, added), origin: sameOrigin(before, key, removed, added) });
      tagsByKey.set(key, tag);
      if (before) tags[at] = tag;
      else tags.splice(placeOf(tag), 0, tag);
    } else {
      tagsByKey.delete(key);
      if (before) tags.splice(at, 1);
    }
  }
  // The newest `updated` moves only with what came or went: no pass over every entry.
  const lastmod = old.lastmod === undefined || removed.some((e) => e.updated === old.lastmod) ? lastmodOf(entries) : Math.max(old.lastmod, ...added.map((e) => e.updated));
  const aliased = [...old.aliased];
  for (const e of removed) if (e.aliases.length > 0) removeFrom(aliased, e);
  for (const e of added) if (e.aliases.length > 0) aliased.splice(bisect(aliased, e, compareEntries), 0, e);
  const site = siteOf(old.settings, entries, days, tags, { lastmod, aliased, tagsByKey });
  return { site, drafts: last.drafts, checks, diagnostics: checkDiagnostics(checks, slugOf) };
}

/**
 * `before`'s display name when it stays the most used spelling: every added entry spells the
 * tag so and no removed one does (its count only grows, the others' only shrink).
 */
function sameWinner(before: Tag, key: string, removed: readonly Entry[], added: readonly Entry[]): string | undefined {
  const spelling = (e: Entry) => e.tags[e.tagKeys.indexOf(key)];
  for (const e of added) if (e.tagKeys.includes(key) && spelling(e) !== before.name) return undefined;
  for (const e of removed) if (e.tagKeys.includes(key) && spelling(e) === before.name) return undefined;
  return before.name;
}

/** `before`'s origin (see Tag) when it stays: it did not go, and no added entry's path comes first. */
function sameOrigin(before: Tag, key: string, removed: readonly Entry[], added: readonly Entry[]): Entry | undefined {
  if (removed.includes(before.origin)) return undefined;
  let origin = before.origin;
  for (const e of added) if (e.tagKeys.includes(key) && e.source < origin.source) origin = e;
  return origin;
}

/**
 * Where an entry sits in the model: what the model sorts, groups, filters, names and
 * dates by. Two versions of an entry with the same place change nothing but the entry.
 */
function samePlace(a: Entry, b: Entry): boolean {
  return (
    a.source === b.source &&
    a.date.instant === b.date.instant &&
    a.date.day === b.date.day &&
    a.slug === b.slug &&
    a.draft === b.draft &&
    a.updated === b.updated &&
    a.id === b.id &&
    a.aliases.length === b.aliases.length &&
    a.aliases.every((r, i) => r === b.aliases[i]) &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

/**
 * The model with each `fresh` entry in place of its `old` one, when every one keeps its
 * place (see samePlace); otherwise undefined, and updateModel is the way. `linklog dev`
 * uses it for the commonest edit: commentary, url, title or via changed.
 */
export function replaceEntries(last: Model, pairs: ReadonlyArray<{ old: Entry; fresh: Entry }>): Model | undefined {
  if (pairs.some(({ old, fresh }) => !samePlace(old, fresh))) return undefined;
  const swap = new Map(pairs.map(({ old, fresh }) => [old, fresh]));
  const map = (list: readonly Entry[]) => (list.some((e) => swap.has(e)) ? list.map((e) => swap.get(e) ?? e) : list);
  const old = last.site;
  const days = old.days.map((d) => (d.entries.some((e) => swap.has(e)) ? makeDay(d.day, map(d.entries)) : d));
  const tags = old.tags.map((t) => (t.entries.some((e) => swap.has(e)) ? { ...t, entries: map(t.entries), origin: swap.get(t.origin) ?? t.origin } : t));
  const site = siteOf(old.settings, map(old.entries), days, tags, { lastmod: old.lastmod, aliased: map(old.aliased) });
  // The checks read only places: the same lists with the fresh objects in them.
  const slugOf = slugMemo();
  const checks = updateChecks(last.checks, pairs.map((p) => p.old), pairs.map((p) => p.fresh), slugOf);
  return { site, drafts: last.drafts, checks, diagnostics: checkDiagnostics(checks, slugOf) };
}

/** Takes `e` out of `list`, sorted newest first. */
function removeFrom(list: Entry[], e: Entry): void {
  let at = bisect(list, e, compareEntries);
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
