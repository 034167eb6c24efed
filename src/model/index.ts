/**
 * The model stage: Entry[] → the site (days, months, years, tags) and the checks that
 * span entries. Pure: no I/O, no rendering, and a model is never changed once made;
 * `update.ts` makes the next one from it, sharing what did not change.
 */
import type { Settings } from '../config/settings.js';
import { compareStrings, type Diagnostic } from '../lib/diagnostics.js';
import type { Entry } from '../parse/entry.js';
import { groupDays, groupMonths, groupYears, lastmodOf, type Day, type Month, type Year } from './calendar.js';
import { buildChecks, checkDiagnostics, type Checks } from './checks.js';
import { buildTags, slugMemo, type Tag } from './tags.js';

export type { Day, Month, Year } from './calendar.js';
export type { Tag } from './tags.js';
export { groupDays, lastmodOf, paginate } from './calendar.js';

export interface Site {
  settings: Settings;
  /** Published entries, newest first. */
  entries: readonly Entry[];
  /** Newest first. */
  days: readonly Day[];
  months: readonly Month[];
  years: readonly Year[];
  /** Sorted by slug. */
  tags: readonly Tag[];
  tagsByKey: ReadonlyMap<string, Tag>;
  /** Newest `updated` of every entry (undefined for an empty site). */
  lastmod: number | undefined;
  /** The entries with `aliases:`, newest first (most have none: the alias pages need not look at every entry). */
  aliased: readonly Entry[];
}

/** A site with the checks it was made with: what the next update starts from. */
export interface Model {
  site: Site;
  /** Whether drafts are published. */
  drafts: boolean;
  checks: Checks;
  diagnostics: Diagnostic[];
}

export interface ModelOptions {
  drafts?: boolean;
}

/** Newest first; ties broken by slug then source path so the order never depends on the disk. */
export function compareEntries(a: Entry, b: Entry): number {
  return b.date.instant - a.date.instant || compareStrings(a.slug, b.slug) || compareStrings(a.source, b.source);
}

/** Checks every entry (drafts included), then builds the model of what gets published. */
export function buildModel(all: readonly Entry[], settings: Settings, options: ModelOptions = {}): Model {
  const drafts = Boolean(options.drafts);
  const slugOf = slugMemo();
  const checks = buildChecks(all, slugOf, settings.idAuthority);
  const entries = all.filter((e) => drafts || !e.draft).sort(compareEntries);
  const site = siteOf(settings, entries, groupDays(entries), buildTags(entries, slugOf));
  return { site, drafts, checks, diagnostics: checkDiagnostics(checks, slugOf) };
}

/** `known`: the entries' newest `updated`, those with aliases and the tags by key, when the caller knows them. */
export function siteOf(
  settings: Settings,
  entries: readonly Entry[],
  days: readonly Day[],
  tags: readonly Tag[],
  known: { lastmod?: number; aliased?: readonly Entry[]; tagsByKey?: ReadonlyMap<string, Tag> } = {},
): Site {
  const months = groupMonths(days);
  const years = groupYears(months);
  const lastmod = 'lastmod' in known ? known.lastmod : lastmodOf(entries);
  const aliased = known.aliased ?? entries.filter((e) => e.aliases.length > 0);
  return { settings, entries, days, months, years, tags, tagsByKey: known.tagsByKey ?? new Map(tags.map((t) => [t.key, t])), lastmod, aliased };
}
