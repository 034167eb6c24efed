import { compareStrings, error, type Diagnostic } from '../diagnostics.js';
import type { Entry } from '../parse/entry.js';
import { slugify } from '../parse/slug.js';

export interface Tag {
  /** Identity: NFC, lower-cased. */
  key: string;
  /** Display name: the spelling used most often. */
  name: string;
  slug: string;
  /** newest first */
  entries: Entry[];
}

/** A tag from its entries (newest first); `slug` when already known. */
export function makeTag(key: string, entries: Entry[], slug = slugify(key)): Tag {
  // Spellings are counted only once a second one shows: most tags are always spelled alike.
  let first: string | undefined;
  let spellings: Map<string, number> | undefined;
  entries.forEach((e, n) => {
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
  return { key, name: best, slug, entries };
}

/** One pass over the entries (newest first) groups them by tag. */
export function buildTags(entries: readonly Entry[]): Tag[] {
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
  return sortTags([...byKey].map(([key, list]) => makeTag(key, list)));
}

/** By slug (then key: two tags share a slug only in a site with errors, but the order stays total). */
export function sortTags(tags: Tag[]): Tag[] {
  return tags.sort((a, b) => compareStrings(a.slug, b.slug) || compareStrings(a.key, b.key));
}

/** Entries in source-path order (the order they are loaded in, usually: then no copy is made). */
export function bySource(all: readonly Entry[]): readonly Entry[] {
  for (let i = 1; i < all.length; i++) {
    if (compareStrings(all[i - 1].source, all[i].source) > 0) return [...all].sort((a, b) => compareStrings(a.source, b.source));
  }
  return all;
}

/** Tag slug → tag key → the entries (source order, drafts too) that have it: what the slug check reads. */
export type TagSlugIndex = Map<string, Map<string, Entry[]>>;

// A tag is on many entries: its slug is made once.
const slugs = new Map<string, string>();
export function slugOfKey(key: string): string {
  let slug = slugs.get(key);
  if (slug === undefined) {
    if (slugs.size > 100_000) slugs.clear();
    slugs.set(key, (slug = slugify(key)));
  }
  return slug;
}

export function indexTagSlugs(all: readonly Entry[]): TagSlugIndex {
  const index: TagSlugIndex = new Map();
  for (const e of bySource(all)) addTagSlugs(index, e, (list) => list.push(e));
  return index;
}

/** Calls `put` with the list of each of `e`'s tags in the index (made when missing). */
export function addTagSlugs(index: TagSlugIndex, e: Entry, put: (list: Entry[]) => void): void {
  for (const key of new Set(e.tagKeys)) {
    const slug = slugOfKey(key);
    let byKey = index.get(slug);
    if (!byKey) index.set(slug, (byKey = new Map()));
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    put(list);
  }
}

/**
 * Two different tags that would share one URL: an error naming both tags and a
 * file of each. Reads only the slugs that more than one tag claims.
 */
export function tagSlugDiagnostics(index: TagSlugIndex, slugsToCheck: Iterable<string> = index.keys()): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const slug of slugsToCheck) {
    const byKey = index.get(slug);
    if (!byKey || byKey.size < 2) continue;
    // The entries with any of these tags, in source order: the first spelling seen is the one others clash with.
    const entries = bySource([...new Set([...byKey.values()].flat())]);
    let seen: { key: string; name: string; entry: Entry } | undefined;
    const reported = new Set<string>();
    for (const e of entries) {
      for (let i = 0; i < e.tags.length; i++) {
        const key = e.tagKeys[i];
        if (slugOfKey(key) !== slug) continue;
        const name = e.tags[i];
        if (!seen) seen = { key, name, entry: e };
        else if (seen.key !== key && !reported.has(key)) {
          reported.add(key);
          out.push(
            error(
              e.source,
              e.lines.tags ?? 1,
              `tag '${name}' and tag '${seen.name}' (in ${seen.entry.source}) would share the page /tags/${slug}/: spell them alike or rename one`,
            ),
          );
        }
      }
    }
  }
  return out;
}
