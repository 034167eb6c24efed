/**
 * What only shows across files: two entries with one permalink, two tags with one
 * page. Checked over every entry, drafts included, so `--drafts` never reveals a new
 * error. The indexes are immutable: an update copies what it changes.
 */
import { compareStrings, error, type Diagnostic } from '../lib/diagnostics.js';
import type { Entry } from '../parse/entry.js';
import { defaultEntryId, defaultIdParts, entryRouteParts, routes } from '../config/urls.js';
import { bySource, type SlugOf } from './tags.js';

/** Day → slug → the entries (source order, drafts too) published there. */
export type PermalinkIndex = ReadonlyMap<string, ReadonlyMap<string, readonly Entry[]>>;

/** Tag slug → tag key → the entries (source order, drafts too) that have it. */
export type TagSlugIndex = ReadonlyMap<string, ReadonlyMap<string, readonly Entry[]>>;

/** Key (an explicit `id:`, or an alias route) → the entries (source order, drafts too) that claim it. */
export type ClaimIndex = ReadonlyMap<string, readonly Entry[]>;

export interface Checks {
  /** The ids' authority: an entry without `id:` has the default id made with it. */
  idAuthority: string;
  permalinks: PermalinkIndex;
  tagSlugs: TagSlugIndex;
  /** Entries by their explicit `id:`. */
  ids: ClaimIndex;
  /** Entries by each of their aliases. */
  aliases: ClaimIndex;
  /** Permalinks (`day slug`) and tag slugs claimed more than once; ids claimed twice; aliases claimed twice or that are an entry's page. */
  clashes: { permalinks: ReadonlySet<string>; slugs: ReadonlySet<string>; ids: ReadonlySet<string>; aliases: ReadonlySet<string> };
}

/** Every entry whose feed id is `id`: those that say so, and those without `id:` whose default it is. */
function idClaimants(checks: Pick<Checks, 'idAuthority' | 'permalinks' | 'ids'>, id: string): Entry[] {
  const out = [...(checks.ids.get(id) ?? [])];
  const at = defaultIdParts(checks.idAuthority, id);
  if (at) {
    for (const e of checks.permalinks.get(at.day)?.get(at.slug) ?? []) if (e.id === undefined && defaultEntryId(checks.idAuthority, at.day, at.slug) === id) out.push(e);
  }
  return out.sort(bySourcePath);
}

/** The entries whose page is at an alias's route (drafts too). */
function pageOwners(checks: Pick<Checks, 'permalinks'>, route: string): readonly Entry[] {
  const at = entryRouteParts(route);
  return at ? (checks.permalinks.get(at.day)?.get(at.slug) ?? []) : [];
}

function idClashes(checks: Pick<Checks, 'idAuthority' | 'permalinks' | 'ids'>, id: string): boolean {
  return idClaimants(checks, id).length > 1;
}

function aliasClashes(checks: Pick<Checks, 'permalinks' | 'aliases'>, route: string): boolean {
  return (checks.aliases.get(route)?.length ?? 0) > 1 || ((checks.aliases.get(route)?.length ?? 0) > 0 && pageOwners(checks, route).length > 0);
}

export function buildChecks(all: readonly Entry[], slugOf: SlugOf, idAuthority: string): Checks {
  const permalinks = new Map<string, Map<string, Entry[]>>();
  const tagSlugs = new Map<string, Map<string, Entry[]>>();
  const add = <K>(index: Map<string, Map<K, Entry[]>>, outer: string, inner: K, e: Entry) => {
    let byInner = index.get(outer);
    if (!byInner) index.set(outer, (byInner = new Map()));
    const list = byInner.get(inner);
    if (list) list.push(e);
    else byInner.set(inner, [e]);
  };
  const ids = new Map<string, Entry[]>();
  const aliases = new Map<string, Entry[]>();
  const claim = (index: Map<string, Entry[]>, key: string, e: Entry) => {
    const list = index.get(key);
    if (list) list.push(e);
    else index.set(key, [e]);
  };
  for (const e of bySource(all)) {
    add(permalinks, e.date.day, e.slug, e);
    for (const key of new Set(e.tagKeys)) add(tagSlugs, slugOf(key), key, e);
    if (e.id !== undefined) claim(ids, e.id, e);
    for (const a of e.aliases) claim(aliases, a, e);
  }
  const clashes = { permalinks: new Set<string>(), slugs: new Set<string>(), ids: new Set<string>(), aliases: new Set<string>() };
  for (const [day, bySlug] of permalinks) for (const [slug, list] of bySlug) if (list.length > 1) clashes.permalinks.add(`${day} ${slug}`);
  for (const [slug, byKey] of tagSlugs) if (byKey.size > 1) clashes.slugs.add(slug);
  const base = { idAuthority, permalinks, ids, aliases };
  for (const id of ids.keys()) if (idClashes(base, id)) clashes.ids.add(id);
  for (const route of aliases.keys()) if (aliasClashes(base, route)) clashes.aliases.add(route);
  return { idAuthority, permalinks, tagSlugs, ids, aliases, clashes };
}

const bySourcePath = (a: Entry, b: Entry) => compareStrings(a.source, b.source);

/** The checks after `removed` left and `added` came: only what they touch is copied. */
export function updateChecks(checks: Checks, removed: readonly Entry[], added: readonly Entry[], slugOf: SlugOf): Checks {
  const permalinks = new Map(checks.permalinks);
  const tagSlugs = new Map(checks.tagSlugs);
  const copied = new Set<object>();
  /** A list this update may change: the list itself once copied, else a copy. */
  const own = (list: readonly Entry[] | undefined): Entry[] => {
    if (list && copied.has(list)) return list as Entry[];
    const copy = [...(list ?? [])];
    copied.add(copy);
    return copy;
  };
  /** The list at index[outer][inner], copied (with its map) the first time this update touches it. */
  const edit = <K>(index: Map<string, ReadonlyMap<K, readonly Entry[]>>, outer: string, inner: K, change: (list: Entry[]) => void) => {
    let byInner = index.get(outer) as Map<K, readonly Entry[]> | undefined;
    if (!byInner || !copied.has(byInner)) {
      byInner = new Map(byInner);
      copied.add(byInner);
      index.set(outer, byInner);
    }
    const list = own(byInner.get(inner));
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
  const ids = new Map(checks.ids);
  const aliases = new Map(checks.aliases);
  /** The list at index[key], copied the first time this update touches it. */
  const editClaims = (index: Map<string, readonly Entry[]>, key: string, change: (list: Entry[]) => void) => {
    const list = own(index.get(key));
    change(list);
    if (list.length > 0) index.set(key, list);
    else index.delete(key);
  };
  for (const e of removed) {
    if (e.id !== undefined) editClaims(ids, e.id, (l) => remove(l, e));
    for (const a of e.aliases) editClaims(aliases, a, (l) => remove(l, e));
  }
  for (const e of added) {
    if (e.id !== undefined) editClaims(ids, e.id, (l) => insert(l, e));
    for (const a of e.aliases) editClaims(aliases, a, (l) => insert(l, e));
  }
  const clashes = {
    permalinks: new Set(checks.clashes.permalinks),
    slugs: new Set(checks.clashes.slugs),
    ids: new Set(checks.clashes.ids),
    aliases: new Set(checks.clashes.aliases),
  };
  const next = { idAuthority: checks.idAuthority, permalinks, ids, aliases };
  for (const e of [...removed, ...added]) {
    // The ids and aliases this entry could share with another: its own, and its page's.
    for (const id of [e.id, defaultEntryId(checks.idAuthority, e.date.day, e.slug)]) {
      if (id === undefined) continue;
      if (idClashes(next, id)) clashes.ids.add(id);
      else clashes.ids.delete(id);
    }
    for (const route of [...e.aliases, routes.entry(e.date.day, e.slug)]) {
      if (aliasClashes(next, route)) clashes.aliases.add(route);
      else clashes.aliases.delete(route);
    }
  }
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
  return { idAuthority: checks.idAuthority, permalinks, tagSlugs, ids, aliases, clashes };
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
  for (const id of checks.clashes.ids) {
    const list = idClaimants(checks, id);
    // Those that say `id:` are told; when two say it, the first file (by path) keeps it.
    const holder = list.find((e) => e.id === undefined) ?? list[0];
    for (const e of list) {
      if (e === holder || e.id === undefined) continue;
      out.push(error(e.source, e.lines.id ?? 1, 'duplicate-id', `id '${id}' is already the feed id of ${holder.source}: two entries cannot share one (give this one its own id, or remove the line)`));
    }
  }
  for (const route of checks.clashes.aliases) {
    const claimants = checks.aliases.get(route) ?? [];
    const owners = pageOwners(checks, route);
    claimants.forEach((e, i) => {
      const line = e.lines.aliases ?? 1;
      if (owners.length) {
        const owner = owners[0];
        const whose = owner === e ? 'its own page' : `the page of ${owner.source}`;
        out.push(error(e.source, line, 'alias-clash', `alias /${route} is ${whose}: an alias must be a path no page has (remove it from aliases)`));
      } else if (i > 0) {
        out.push(error(e.source, line, 'alias-taken', `alias /${route} is also an alias of ${claimants[0].source}: one old path can redirect to one entry only`));
      }
    });
  }
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
export function firstNotBefore<T>(list: readonly T[], before: (item: T) => boolean): number {
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
