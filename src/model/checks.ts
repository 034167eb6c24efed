/**
 * What only shows across files: two entries with one permalink, two tags with one
 * page. Checked over every entry, drafts included, so `--drafts` never reveals a new
 * error. The indexes are immutable: an update copies what it changes.
 */
import { compareStrings, error, type Diagnostic } from '../lib/diagnostics.js';
import type { Entry } from '../parse/entry.js';
import { routes } from '../config/urls.js';
import { bySource, type SlugOf } from './tags.js';

/** Day → slug → the entries (source order, drafts too) published there. */
export type PermalinkIndex = ReadonlyMap<string, ReadonlyMap<string, readonly Entry[]>>;

/** Tag slug → tag key → the entries (source order, drafts too) that have it. */
export type TagSlugIndex = ReadonlyMap<string, ReadonlyMap<string, readonly Entry[]>>;

export interface Checks {
  permalinks: PermalinkIndex;
  tagSlugs: TagSlugIndex;
  /** Permalinks (`day slug`) and tag slugs claimed more than once. */
  clashes: { permalinks: ReadonlySet<string>; slugs: ReadonlySet<string> };
}

export function buildChecks(all: readonly Entry[], slugOf: SlugOf): Checks {
  const permalinks = new Map<string, Map<string, Entry[]>>();
  const tagSlugs = new Map<string, Map<string, Entry[]>>();
  const add = <K>(index: Map<string, Map<K, Entry[]>>, outer: string, inner: K, e: Entry) => {
    let byInner = index.get(outer);
    if (!byInner) index.set(outer, (byInner = new Map()));
    const list = byInner.get(inner);
    if (list) list.push(e);
    else byInner.set(inner, [e]);
  };
  for (const e of bySource(all)) {
    add(permalinks, e.date.day, e.slug, e);
    for (const key of new Set(e.tagKeys)) add(tagSlugs, slugOf(key), key, e);
  }
  const clashes = { permalinks: new Set<string>(), slugs: new Set<string>() };
  for (const [day, bySlug] of permalinks) for (const [slug, list] of bySlug) if (list.length > 1) clashes.permalinks.add(`${day} ${slug}`);
  for (const [slug, byKey] of tagSlugs) if (byKey.size > 1) clashes.slugs.add(slug);
  return { permalinks, tagSlugs, clashes };
}

const bySourcePath = (a: Entry, b: Entry) => compareStrings(a.source, b.source);

/** The checks after `removed` left and `added` came: only what they touch is copied. */
export function updateChecks(checks: Checks, removed: readonly Entry[], added: readonly Entry[], slugOf: SlugOf): Checks {
  const permalinks = new Map(checks.permalinks);
  const tagSlugs = new Map(checks.tagSlugs);
  const copied = new Set<object>();
  /** The list at index[outer][inner], copied (with its map) the first time this update touches it. */
  const edit = <K>(index: Map<string, ReadonlyMap<K, readonly Entry[]>>, outer: string, inner: K, change: (list: Entry[]) => void) => {
    let byInner = index.get(outer) as Map<K, readonly Entry[]> | undefined;
    if (!byInner || !copied.has(byInner)) {
      byInner = new Map(byInner);
      copied.add(byInner);
      index.set(outer, byInner);
    }
    let list = byInner.get(inner) as Entry[] | undefined;
    if (!list || !copied.has(list)) {
      list = [...(list ?? [])];
      copied.add(list);
    }
    change(list);
    if (list.length > 0) byInner.set(inner, list);
    else byInner.delete(inner);
    if (byInner.size === 0) index.delete(outer);
  };
  const remove = (list: Entry[], e: Entry) => {
    const at = list.indexOf(e);
    if (at !== -1) list.splice(at, 1);
  };
  const insert = (list: Entry[], e: Entry) => list.splice(bisect(list, e, bySourcePath), 0, e);
  for (const e of removed) {
    edit(permalinks, e.date.day, e.slug, (l) => remove(l, e));
    for (const key of new Set(e.tagKeys)) edit(tagSlugs, slugOf(key), key, (l) => remove(l, e));
  }
  for (const e of added) {
    edit(permalinks, e.date.day, e.slug, (l) => insert(l, e));
    for (const key of new Set(e.tagKeys)) edit(tagSlugs, slugOf(key), key, (l) => insert(l, e));
  }
  const clashes = { permalinks: new Set(checks.clashes.permalinks), slugs: new Set(checks.clashes.slugs) };
  for (const e of [...removed, ...added]) {
    const at = `${e.date.day} ${e.slug}`;
    if ((permalinks.get(e.date.day)?.get(e.slug)?.length ?? 0) > 1) clashes.permalinks.add(at);
    else clashes.permalinks.delete(at);
    for (const key of e.tagKeys) {
      const slug = slugOf(key);
      if ((tagSlugs.get(slug)?.size ?? 0) > 1) clashes.slugs.add(slug);
      else clashes.slugs.delete(slug);
    }
  }
  return { permalinks, tagSlugs, clashes };
}

/** The checks' findings, from the permalinks and slugs claimed more than once. */
export function checkDiagnostics(checks: Checks, slugOf: SlugOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const at of checks.clashes.permalinks) {
    const space = at.indexOf(' ');
    const list = checks.permalinks.get(at.slice(0, space))?.get(at.slice(space + 1)) ?? [];
    // The first file (by path) keeps the permalink; the others are told to move.
    for (const e of list.slice(1)) {
      const route = routes.entry(e.date.day, e.slug);
      out.push(error(e.source, e.lines.slug ?? e.lines.date ?? 1, 'permalink-clash', `same permalink /${route} as ${list[0].source}: give one of them another slug: or date:`));
    }
  }
  for (const slug of checks.clashes.slugs) out.push(...tagSlugClashes(checks.tagSlugs, slug, slugOf));
  return out;
}

/** Two different tags that would share one URL: an error naming both tags and a file of each. */
function tagSlugClashes(index: TagSlugIndex, slug: string, slugOf: SlugOf): Diagnostic[] {
  const byKey = index.get(slug);
  if (!byKey || byKey.size < 2) return [];
  const out: Diagnostic[] = [];
  // The entries with any of these tags, in source order: the first spelling seen is the one others clash with.
  const entries = bySource([...new Set([...byKey.values()].flat())]);
  let seen: { key: string; name: string; entry: Entry } | undefined;
  const reported = new Set<string>();
  for (const e of entries) {
    for (let i = 0; i < e.tags.length; i++) {
      const key = e.tagKeys[i];
      if (slugOf(key) !== slug) continue;
      const name = e.tags[i];
      if (!seen) seen = { key, name, entry: e };
      else if (seen.key !== key && !reported.has(key)) {
        reported.add(key);
        out.push(
          error(e.source, e.lines.tags ?? 1, 'tag-slug-clash', `tag '${name}' and tag '${seen.name}' (in ${seen.entry.source}) would share the page /tags/${slug}/: spell them alike or rename one`),
        );
      }
    }
  }
  return out;
}

/** The first index of `list` whose item is not `before` (the list holds those that are first). */
export function firstNotBefore(list: readonly Entry[], before: (item: Entry) => boolean): number {
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
export function bisect(list: readonly Entry[], e: Entry, compare: (a: Entry, b: Entry) => number): number {
  return firstNotBefore(list, (item) => compare(item, e) < 0);
}
