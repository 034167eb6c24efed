/** Newest `updated` of some entries (undefined for none). */
export function lastmodOf(entries) {
    let max;
    for (const e of entries)
        if (max === undefined || e.updated > max)
            max = e.updated;
    return max;
}
/** Consecutive items with the same key, in order: one pass over an already sorted list. */
function runsBy(items, keyOf) {
    const runs = [];
    for (const item of items) {
        const key = keyOf(item);
        const last = runs[runs.length - 1];
        if (last && last.key === key)
            last.items.push(item);
        else
            runs.push({ key, items: [item] });
    }
    return runs;
}
export function makeDay(day, entries) {
    return { day, entries, lastmod: lastmodOf(entries) ?? 0 };
}
/** Entries (already newest first) grouped by day, newest day first. */
export function groupDays(entries) {
    return runsBy(entries, (e) => e.date.day).map((r) => makeDay(r.key, r.items));
}
export function groupMonths(days) {
    return runsBy(days, (d) => d.day.slice(0, 7)).map((r) => ({
        month: r.key,
        days: r.items,
        count: r.items.reduce((n, d) => n + d.entries.length, 0),
        lastmod: Math.max(...r.items.map((d) => d.lastmod)),
    }));
}
export function groupYears(months) {
    return runsBy(months, (m) => m.month.slice(0, 4)).map((r) => ({
        year: r.key,
        months: r.items,
        count: r.items.reduce((n, m) => n + m.count, 0),
        lastmod: Math.max(...r.items.map((m) => m.lastmod)),
    }));
}
/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate(items, size) {
    if (items.length === 0)
        return [[]];
    const pages = [];
    for (let i = 0; i < items.length; i += size)
        pages.push(items.slice(i, i + size));
    return pages;
}
//# sourceMappingURL=calendar.js.map