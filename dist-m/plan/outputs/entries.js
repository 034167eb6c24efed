/** Each entry's own page, `/YYYY/MM/DD/slug/`, with its related entries and its neighbours in time. */
import { routes, href } from '../../config/urls.js';
import { relatedChanged, relatedEntries } from '../../model/related.js';
import { pageFile, siteFeedLinks } from '../page.js';
import { sameItems } from '../../lib/same.js';
export const entryPages = {
    name: 'entries',
    plan({ site, settings, memo }) {
        const feeds = siteFeedLinks(settings);
        // By entry object: an edited entry is a new one, and one that went is forgotten with it.
        const kept = memo(() => ({ made: new WeakMap(), days: new Map(), tags: undefined, feedsKey: '' }));
        // Other feed links: every page is made anew.
        if (kept.feedsKey !== feeds.key) {
            kept.made = new WeakMap();
            kept.days = new Map();
        }
        kept.feedsKey = feeds.key;
        // Entries whose related list may have changed since the last plan (all, the first time).
        const changed = kept.tags && relatedChanged(kept.tags, site);
        const changedDays = new Set();
        if (changed)
            for (const e of changed)
                changedDays.add(e.date.day);
        const { entries } = site;
        const page = (i) => {
            const e = entries[i];
            // Newest first: the newer neighbour is before, the older after.
            const newer = entries[i - 1];
            const older = entries[i + 1];
            const last = kept.made.get(e);
            let related;
            if (last !== undefined && changed !== undefined && !changed.has(e))
                related = last.related;
            else {
                related = relatedEntries(site, e);
                if (last !== undefined && sameItems(related, last.related))
                    related = last.related;
            }
            if (last !== undefined && related === last.related && last.older === older && last.newer === newer)
                return last.spec;
            const prev = older && href(settings, routes.entry(older.date.day, older.slug));
            const next = newer && href(settings, routes.entry(newer.date.day, newer.slug));
            const shown = [e, ...related, ...(older ? [older] : []), ...(newer ? [newer] : [])];
            const n = related.length;
            const spec = pageFile('entries', {
                route: routes.entry(e.date.day, e.slug),
                template: 'entry',
                feeds,
                prev,
                next,
                entries: shown,
                // How the entries are laid out: the entry, its related ones, then its neighbours.
                values: [n, older !== undefined, newer !== undefined],
                lastmod: e.updated,
                origin: { file: e.source, line: e.lines.slug ?? e.lines.date },
                data: (views, list) => ({
                    entry: views.entry(list[0]),
                    related: list.slice(1, 1 + n).map(views.entry),
                    prev: older && views.entry(list[1 + n]),
                    next: newer && views.entry(list[list.length - 1]),
                }),
            });
            kept.made.set(e, { related, older, newer, spec });
            return spec;
        };
        // A part per day (the days are runs of the entries, in order): a new entry makes its
        // day's pages and its neighbours' days' again, and no other day is visited entry by entry.
        const files = [];
        const days = new Map();
        let i = 0;
        for (const d of site.days) {
            const n = d.entries.length;
            const newer = entries[i - 1];
            const older = entries[i + n];
            const last = kept.days.get(d.day);
            if (last !== undefined && last.day === d && last.newer === newer && last.older === older && !changedDays.has(d.day)) {
                days.set(d.day, last);
                files.push(last.specs);
                i += n;
                continue;
            }
            const made = [];
            for (let j = 0; j < n; j++, i++) {
                if (entries[i] !== d.entries[j])
                    throw new Error(`the model's day ${d.day} is not a run of its entries`);
                made.push(page(i));
            }
            // Its pages as they were (a related list looked at again, the same): the same part.
            const specs = last !== undefined && sameItems(made, last.specs) ? last.specs : made;
            days.set(d.day, { day: d, newer, older, specs });
            files.push(specs);
        }
        if (i !== entries.length)
            throw new Error("the model's days do not hold every entry");
        kept.days = days;
        kept.tags = site.tagsByKey;
        return files;
    },
};
//# sourceMappingURL=entries.js.map