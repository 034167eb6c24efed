import { bisect } from './checks.js';
import { diffSorted } from './diff.js';
import { compareEntries } from './index.js';
export const RELATED_LIMIT = 5;
/** How many of each shared tag's entries, nearest in time, are candidates. */
export const RELATED_POOL = 32;
/**
 * A tag's count rounded up to its four highest bits (exact up to 15, then steps of
 * 1/16 to 1/8): a tag's weight stays put while it grows a little, so one new entry does
 * not re-rank every list its tags are on (see relatedChanged).
 */
export function tagBucket(count) {
    const step = 2 ** Math.max(0, 31 - Math.clz32(count) - 3);
    return Math.ceil(count / step) * step;
}
/** The weight of a tag that `count` entries have. */
export function tagWeight(count) {
    return 1 / Math.log(1 + tagBucket(count));
}
/** `e`'s tags that other entries have too, rarest (heaviest) first, then by key: the order scores are summed in. */
export function sharedTags(site, e) {
    const tags = [];
    for (const key of new Set(e.tagKeys)) {
        const tag = site.tagsByKey.get(key);
        if (tag && tag.entries.length > 1)
            tags.push(tag);
    }
    // By weight, not count: tags of one weight are summed in the same order whatever their counts.
    return tags.sort((a, b) => tagBucket(a.entries.length) - tagBucket(b.entries.length) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
/** The `n` entries of `list` (newest first, holding `e`) nearest in time to `e`, `e` left out; on equal distance the newer. */
export function nearestIn(list, e, n) {
    if (list.length - 1 <= n)
        return list.filter((c) => c !== e);
    let pos = bisect(list, e, compareEntries);
    if (list[pos] !== e)
        pos = list.indexOf(e);
    const at = e.date.instant;
    const out = [];
    let newer = pos - 1;
    let older = pos + 1;
    while (out.length < n && (newer >= 0 || older < list.length)) {
        const dn = newer >= 0 ? list[newer].date.instant - at : Infinity;
        const dol = older < list.length ? at - list[older].date.instant : Infinity;
        out.push(dn <= dol ? list[newer--] : list[older++]);
    }
    return out;
}
/** Up to `limit` entries related to `e` (see above). */
export function relatedEntries(site, e, limit = RELATED_LIMIT, pool = RELATED_POOL) {
    const tags = sharedTags(site, e);
    if (tags.length === 0)
        return [];
    const weights = tags.map((t) => tagWeight(t.entries.length));
    const at = e.date.instant;
    const scored = [];
    const seen = new Set();
    for (const tag of tags) {
        for (const c of nearestIn(tag.entries, e, pool)) {
            if (seen.has(c))
                continue;
            seen.add(c);
            // Summed in the order of e's shared tags, so equal sets of tags give equal floats.
            let score = 0;
            for (let i = 0; i < tags.length; i++)
                if (c.tagKeys.includes(tags[i].key))
                    score += weights[i];
            scored.push({ entry: c, score, distance: Math.abs(c.date.instant - at) });
        }
    }
    return scored
        .sort((a, b) => b.score - a.score || a.distance - b.distance || compareEntries(a.entry, b.entry))
        .slice(0, limit)
        .map((s) => s.entry);
}
/**
 * The entries of `site` whose related list may differ from the one they had when the
 * site's tags were `before` (by key); every other entry that is the same object keeps its
 * list. A list is made from each shared tag's weight, the `pool` entries of the tag nearest
 * in time, and those entries' tags. So it can change only for the entries of a tag whose
 * weight changed, and for those within `pool` places of an entry that joined or left a
 * tag (an edited entry is a new object: it leaves and joins). An entry that changed itself
 * is not in the set: its list is made anew anyway.
 */
export function relatedChanged(before, site, pool = RELATED_POOL) {
    const changed = new Set();
    const around = (list, at) => {
        const end = Math.min(list.length - 1, at + pool + 1);
        for (let i = Math.max(0, at - pool - 1); i <= end; i++)
            changed.add(list[i]);
    };
    for (const tag of site.tags) {
        const old = before.get(tag.key);
        if (old === tag)
            continue;
        if (old === undefined || tagBucket(old.entries.length) !== tagBucket(tag.entries.length)) {
            for (const e of tag.entries)
                changed.add(e);
            continue;
        }
        const { joined, left } = diffSorted(old.entries, tag.entries, compareEntries);
        for (const { at } of [...joined, ...left])
            around(tag.entries, at);
    }
    return changed;
}
//# sourceMappingURL=related.js.map