/** The site model: Entry[] → days, months, years and tags. Pure: no I/O, no rendering. */
import { compareStrings, error, type Diagnostic } from '../diagnostics.js';
import type { Entry } from '../parse/entry.js';
import type { Settings } from '../settings.js';
import { routes } from '../urls.js';
import { buildTags, bySource, checkTagSlugs, type Tag } from './tags.js';

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

/**
 * Checks what only shows across files (two entries with one permalink, two tags
 * with one slug) over every entry, drafts included, so that `--drafts` never
 * reveals a new error; then builds the model of what gets published.
 */
export function buildModel(
  all: readonly Entry[],
  settings: Settings,
  options: ModelOptions = {},
): { site: Site; diagnostics: Diagnostic[] } {
  const diagnostics = [...checkPermalinks(all), ...checkTagSlugs(all)];
  const entries = all.filter((e) => options.drafts || !e.draft).sort(compareEntries);
  const days = groupDays(entries);
  const months = groupMonths(days);
  const years = groupYears(months);
  const tags = buildTags(entries);
  return {
    diagnostics,
    site: { settings, entries, days, months, years, tags, tagsByKey: new Map(tags.map((t) => [t.key, t])) },
  };
}

function checkPermalinks(all: readonly Entry[]): Diagnostic[] {
  // Day, then slug: they decide the permalink, and are looked up without joining them.
  const first = new Map<string, Map<string, Entry>>();
  const out: Diagnostic[] = [];
  for (const e of bySource(all)) {
    let onDay = first.get(e.date.day);
    if (!onDay) first.set(e.date.day, (onDay = new Map()));
    const other = onDay.get(e.slug);
    if (other) {
      const route = routes.entry(e.date.day, e.slug);
      out.push(
        error(
          e.source,
          e.lines.slug ?? e.lines.date ?? 1,
          `same permalink /${route} as ${other.source}: give one of them another slug: or date:`,
        ),
      );
    } else onDay.set(e.slug, e);
  }
  return out;
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
