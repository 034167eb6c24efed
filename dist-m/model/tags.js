/** Tags: entries grouped by tag key, each shown under the spelling used most. */
import { compareStrings } from '../lib/diagnostics.js';
import { diffSorted } from './diff.js';
import { slugify } from '../parse/slug.js';
export function slugMemo() {
    const slugs = new Map();
    return (key) => {
        let slug = slugs.get(key);
        if (slug === undefined)
            slugs.set(key, (slug = slugify(key)));
        return slug;
    };
}
/** A tag from its entries (newest first). */
export function makeTag(key, entries, slug) {
    // Spellings are counted only once a second one shows: most tags are always spelled alike.
    let first;
    let spellings;
    entries.forEach((e, n) => {
        const name = e.tags[e.tagKeys.indexOf(key)];
        if (first === undefined)
            first = name;
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
export function buildTags(entries, slugOf) {
    const byKey = new Map();
    for (const e of entries) {
        for (const key of e.tagKeys) {
            const list = byKey.get(key);
            if (list) {
                // A tag given twice in one entry lists the entry once.
                if (list[list.length - 1] !== e)
                    list.push(e);
            }
            else
                byKey.set(key, [e]);
        }
    }
    return sortTags([...byKey].map(([key, list]) => makeTag(key, list, slugOf(key))));
}
/** By slug (then key: two tags share a slug only in a site with errors, but the order stays total). */
export function sortTags(tags) {
    return tags.sort((a, b) => compareStrings(a.slug, b.slug) || compareStrings(a.key, b.key));
}
/** Entries in source-path order (the order they are loaded in, usually: then no copy is made). */
export function bySource(all) {
    for (let i = 1; i < all.length; i++) {
        if (compareStrings(all[i - 1].source, all[i].source) > 0)
            return [...all].sort((a, b) => compareStrings(a.source, b.source));
    }
    return all;
}
/** The tags most often on the same entries as `tag`: key and how many entries share both, most first, then by key. */
export function cooccurring(tag, limit = 10) {
    return topCounts(cooccurrenceCounts(tag), limit);
}
/** How many of `tag`'s entries have each other tag. */
export function cooccurrenceCounts(tag) {
    const counts = new Map();
    for (const e of tag.entries)
        countTags(counts, e, tag.key, 1);
    return counts;
}
/**
 * `counts` (of `before`, the tag's last version) brought to `tag`, when few of its entries
 * changed; undefined when many did (then counting again costs about the same). Changes `counts`.
 */
export function updateCounts(counts, before, tag, compare, most = 64) {
    if (Math.abs(before.entries.length - tag.entries.length) > most)
        return undefined;
    const diff = diffSorted(before.entries, tag.entries, compare, most);
    if (!diff)
        return undefined;
    for (const { entry } of diff.left)
        countTags(counts, entry, tag.key, -1);
    for (const { entry } of diff.joined)
        countTags(counts, entry, tag.key, 1);
    return counts;
}
function countTags(counts, e, own, by) {
    const keys = e.tagKeys;
    for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        // A tag given twice in one entry counts once.
        if (k === own || keys.indexOf(k) !== i)
            continue;
        const n = (counts.get(k) ?? 0) + by;
        if (n === 0)
            counts.delete(k);
        else
            counts.set(k, n);
    }
}
/** The `limit` keys with the highest counts, then by key. */
export function topCounts(counts, limit = 10) {
    return [...counts]
        .sort(([a, x], [b, y]) => y - x || compareStrings(a, b))
        .slice(0, limit)
        .map(([key, count]) => ({ key, count }));
}
/** The `limit` tags with the most entries, then by slug. */
export function mostUsed(tags, limit = 30) {
    return [...tags].sort((a, b) => b.entries.length - a.entries.length || compareStrings(a.slug, b.slug)).slice(0, limit);
}
//# sourceMappingURL=tags.js.map