/** Tags: entries grouped by tag key, each shown under the spelling used most. */
import { compareStrings } from '../lib/diagnostics.js';
import type { Entry } from '../parse/entry.js';
import { diffSorted } from './diff.js';
import { slugify } from '../parse/slug.js';

export interface Tag {
  /** Identity: NFC, lower-cased. */
  key: string;
  /** Display name: the spelling used most often. */
  name: string;
  slug: string;
  /** Newest first. */
  entries: readonly Entry[];
  /** The first of its entries by source path: where an error about its pages points (the author can change the tag there). */
  origin: Entry;
}

/** Tag slugs by key, made once per key within one model build or update. */
export type SlugOf = (key: string) => string;

/** `known`: tags whose slugs are made already. */
export function slugMemo(known: readonly Tag[] = []): SlugOf {
  const slugs = new Map<string, string>(known.map((t) => [t.key, t.slug]));
  return (key) => {
    let slug = slugs.get(key);
    if (slug === undefined) slugs.set(key, (slug = slugify(key)));
    return slug;
  };
}

/** A tag from its entries (newest first); `known`: its display name and origin, when the caller knows them. */
export function makeTag(key: string, entries: readonly Entry[], slug: string, known: { name?: string; origin?: Entry } = {}): Tag {
  if (known.name !== undefined && known.origin !== undefined) return { key, name: known.name, slug, entries, origin: known.origin };
  // Spellings are counted only once a second one shows: most tags are always spelled alike.
  let first: string | undefined;
  let spellings: Map<string, number> | undefined;
  let origin = entries[0];
  entries.forEach((e, n) => {
    if (e.source < origin.source) origin = e;
    const name = e.tags[e.tagKeys.indexOf(key)];
    if (first === undefined) first = name;
    else if (name !== first || spellings) {
      spellings ??= new Map([[first, n]]);
      spellings.set(name, (spellings.get(name) ?? 0) + 1);
    }
  });
  let best = first ?? key;
  let bestCount = -1;
  for (const [name, count] of spellings ?? []) {
    if (count > bestCount || (count === bestCount && compareStrings(name, best) < 0)) {
      best = name;
      bestCount = count;
    }
  }
  return { key, name: known.name ?? best, slug, entries, origin: known.origin ?? origin };
}

/** One pass over the entries (newest first) groups them by tag. */
export function buildTags(entries: readonly Entry[], slugOf: SlugOf): Tag[] {
  const byKey = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const key of e.tagKeys) {
      const list = byKey.get(key);
      if (list) {
        // A tag given twice in one entry lists the entry once.
        if (list[list.length - 1] !== e) list.push(e);
      } else byKey.set(key, [e]);
    }
  }
  return sortTags([...byKey].map(([key, list]) => makeTag(key, list, slugOf(key))));
}

/** By slug (then key: two tags share a slug only in a site with errors, but the order stays total). */
export function sortTags(tags: Tag[]): Tag[] {
  return tags.sort(compareTags);
}

export function compareTags(a: Tag, b: Tag): number {
  return compareStrings(a.slug, b.slug) || compareStrings(a.key, b.key);
}

/** Entries in source-path order (the order they are loaded in, usually: then no copy is made). */
export function bySource(all: readonly Entry[]): readonly Entry[] {
  for (let i = 1; i < all.length; i++) {
    if (compareStrings(all[i - 1].source, all[i].source) > 0) return [...all].sort((a, b) => compareStrings(a.source, b.source));
  }
  return all;
}

/** The tags most often on the same entries as `tag`: key and how many entries share both, most first, then by key. */
export function cooccurring(tag: Tag, limit = 10): Array<{ key: string; count: number }> {
  return topCounts(cooccurrenceCounts(tag), limit);
}

/** How many of `tag`'s entries have each other tag. */
export function cooccurrenceCounts(tag: Tag): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of tag.entries) countTags(counts, e, tag.key, 1);
  return counts;
}

/**
 * `counts` (of `before`, the tag's last version) brought to `tag`, when few of its entries
 * changed; undefined when many did (then counting again costs about the same). Changes `counts`.
 */
export function updateCounts(counts: Map<string, number>, before: Tag, tag: Tag, compare: (a: Entry, b: Entry) => number, most = 64): Map<string, number> | undefined {
  if (Math.abs(before.entries.length - tag.entries.length) > most) return undefined;
  const diff = diffSorted(before.entries, tag.entries, compare, most);
  if (!diff) return undefined;
  for (const { entry } of diff.left) countTags(counts, entry, tag.key, -1);
  for (const { entry } of diff.joined) countTags(counts, entry, tag.key, 1);
  return counts;
}

function countTags(counts: Map<string, number>, e: Entry, own: string, by: 1 | -1): void {
  const keys = e.tagKeys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    // A tag given twice in one entry counts once.
    if (k === own || keys.indexOf(k) !== i) continue;
    const n = (counts.get(k) ?? 0) + by;
    if (n === 0) counts.delete(k);
    else counts.set(k, n);
  }
}

/** The `limit` keys with the highest counts, then by key. */
export function topCounts(counts: ReadonlyMap<string, number>, limit = 10): Array<{ key: string; count: number }> {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || compareStrings(a, b))
    .slice(0, limit)
    .map(([key, count]) => ({ key, count }));
}

/** The `limit` tags with the most entries, then by slug. */
export function mostUsed(tags: readonly Tag[], limit = 30): Tag[] {
  return [...tags].sort((a, b) => b.entries.length - a.entries.length || compareStrings(a.slug, b.slug)).slice(0, limit);
}
