/** Days, months and years from entries already sorted newest first; each with its newest `updated`. */
import type { Entry } from '../parse/entry.js';

export interface Day {
  /** `YYYY-MM-DD` */
  day: string;
  /** Newest first. */
  entries: readonly Entry[];
  /** Newest `updated` of its entries. */
  lastmod: number;
}

export interface Month {
  /** `YYYY-MM` */
  month: string;
  /** Newest first. */
  days: readonly Day[];
  count: number;
  lastmod: number;
}

export interface Year {
  year: string;
  /** Newest first. */
  months: readonly Month[];
  count: number;
  lastmod: number;
}

/** Newest `updated` of some entries (undefined for none). */
export function lastmodOf(entries: readonly Entry[]): number | undefined {
  let max: number | undefined;
  for (const e of entries) if (max === undefined || e.updated > max) max = e.updated;
  return max;
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

export function makeDay(day: string, entries: readonly Entry[]): Day {
  return { day, entries, lastmod: lastmodOf(entries) ?? 0 };
}

/** Entries (already newest first) grouped by day, newest day first. */
export function groupDays(entries: readonly Entry[]): Day[] {
  return runsBy(entries, (e) => e.date.day).map((r) => makeDay(r.key, r.items));
}

export function groupMonths(days: readonly Day[]): Month[] {
  return runsBy(days, (d) => d.day.slice(0, 7)).map((r) => ({
    month: r.key,
    days: r.items,
    count: r.items.reduce((n, d) => n + d.entries.length, 0),
    lastmod: Math.max(...r.items.map((d) => d.lastmod)),
  }));
}

export function groupYears(months: readonly Month[]): Year[] {
  return runsBy(months, (m) => m.month.slice(0, 4)).map((r) => ({
    year: r.key,
    months: r.items,
    count: r.items.reduce((n, m) => n + m.count, 0),
    lastmod: Math.max(...r.items.map((m) => m.lastmod)),
  }));
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}
