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

/** One pass over the entries (newest first) builds every tag's list. */
export function buildTags(entries: readonly Entry[]): Tag[] {
  // Spellings are counted only once a tag has a second one: most tags are always spelled alike.
  const byKey = new Map<string, { tag: Tag; first: string; spellings?: Map<string, number> }>();
  for (const e of entries) {
    for (let i = 0; i < e.tags.length; i++) {
      const name = e.tags[i];
      const key = e.tagKeys[i];
      let t = byKey.get(key);
      if (!t) {
        t = { tag: { key, name, slug: slugify(key), entries: [] }, first: name };
        byKey.set(key, t);
      }
      t.tag.entries.push(e);
      if (name !== t.first || t.spellings) {
        t.spellings ??= new Map([[t.first, t.tag.entries.length - 1]]);
        t.spellings.set(name, (t.spellings.get(name) ?? 0) + 1);
      }
    }
  }
  const tags: Tag[] = [];
  for (const { tag, first, spellings } of byKey.values()) {
    let best = first;
    let bestCount = -1;
    for (const [name, count] of spellings ?? []) {
      if (count > bestCount || (count === bestCount && compareStrings(name, best) < 0)) {
        best = name;
        bestCount = count;
      }
    }
    tag.name = best;
    tags.push(tag);
  }
  return tags.sort((a, b) => compareStrings(a.slug, b.slug));
}

/** Entries in source-path order (the order they are loaded in, usually: then no copy is made). */
export function bySource(all: readonly Entry[]): readonly Entry[] {
  for (let i = 1; i < all.length; i++) {
    if (compareStrings(all[i - 1].source, all[i].source) > 0) return [...all].sort((a, b) => compareStrings(a.source, b.source));
  }
  return all;
}

/** Two different tags that would share one URL: an error naming both tags and a file of each. */
export function checkTagSlugs(all: readonly Entry[]): Diagnostic[] {
  const bySlug = new Map<string, { key: string; name: string; entry: Entry }>();
  const reported = new Set<string>();
  const out: Diagnostic[] = [];
  // A tag is on many entries: its slug is made once.
  const slugs = new Map<string, string>();
  for (const e of bySource(all)) {
    for (let i = 0; i < e.tags.length; i++) {
      const name = e.tags[i];
      const key = e.tagKeys[i];
      let slug = slugs.get(key);
      if (slug === undefined) slugs.set(key, (slug = slugify(key)));
      const seen = bySlug.get(slug);
      if (!seen) bySlug.set(slug, { key, name, entry: e });
      else if (seen.key !== key && !reported.has(`${seen.key}\0${key}`)) {
        reported.add(`${seen.key}\0${key}`);
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
  return out;
}
