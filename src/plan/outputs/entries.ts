/** Each entry's own page, `/YYYY/MM/DD/slug/`, with its related entries and its neighbours in time. */
import { routes, href } from '../../config/urls.js';
import { relatedChanged, relatedEntries } from '../../model/related.js';
import type { Tag } from '../../model/index.js';
import type { Entry } from '../../parse/entry.js';
import { pageFile, siteFeedLinks } from '../page.js';
import type { FileSpec, Output } from '../types.js';

/** What an entry's page was made from at the last plan: it stands while every part is the same object. */
interface Made {
  related: readonly Entry[];
  older: Entry | undefined;
  newer: Entry | undefined;
  spec: FileSpec;
}

export const entryPages: Output = {
  name: 'entries',
  plan({ site, settings, memo }) {
    const feeds = siteFeedLinks(settings);
    // By entry object: an edited entry is a new one, and one that went is forgotten with it.
    const kept = memo(() => ({ made: new WeakMap<Entry, Made>(), tags: undefined as ReadonlyMap<string, Tag> | undefined, feedsKey: '' }));
    // Other feed links: every page is made anew.
    if (kept.feedsKey !== feeds.key) kept.made = new WeakMap();
    kept.feedsKey = feeds.key;
    // Entries whose related list may have changed since the last plan (all, the first time).
    const changed = kept.tags && relatedChanged(kept.tags, site);
    const files: FileSpec[] = [];
    const { entries } = site;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      // Newest first: the newer neighbour is before, the older after.
      const newer = entries[i - 1];
      const older = entries[i + 1];
      const last = kept.made.get(e);
      let related: readonly Entry[];
      if (last !== undefined && changed !== undefined && !changed.has(e)) related = last.related;
      else {
        related = relatedEntries(site, e);
        if (last !== undefined && sameList(related, last.related)) related = last.related;
      }
      if (last !== undefined && related === last.related && last.older === older && last.newer === newer) {
        files.push(last.spec);
        continue;
      }
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
      files.push(spec);
    }
    kept.tags = site.tagsByKey;
    return files;
  },
};

function sameList(a: readonly Entry[], b: readonly Entry[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
