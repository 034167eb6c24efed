/** Each entry's own page, `/YYYY/MM/DD/slug/`, with its related entries and its neighbours in time. */
import { routes, href } from '../../config/urls.js';
import { relatedChanged, relatedEntries } from '../../model/related.js';
import type { Tag } from '../../model/index.js';
import type { Entry } from '../../parse/entry.js';
import { pageFile, siteFeedLinks } from '../page.js';
import type { FileSpec, Output } from '../types.js';

/** What an entry's page was made from at the last plan: it stands while every part is the same object. */
interface Made {
  entry: Entry;
  related: readonly Entry[];
  older: Entry | undefined;
  newer: Entry | undefined;
  feedsKey: string;
  specs: FileSpec[];
}

export const entryPages: Output = {
  name: 'entries',
  plan({ site, settings, memo }) {
    const feeds = siteFeedLinks(settings);
    const kept = memo(() => ({ made: new Map<string, Made>(), tags: undefined as ReadonlyMap<string, Tag> | undefined }));
    // Entries whose related list may have changed since the last plan (all, the first time).
    const changed = kept.tags && relatedChanged(kept.tags, site);
    const made = new Map<string, Made>();
    const files: FileSpec[] = [];
    site.entries.forEach((e, i) => {
      // Newest first: the newer neighbour is before, the older after.
      const newer = site.entries[i - 1];
      const older = site.entries[i + 1];
      const last = kept.made.get(e.source);
      const same = last !== undefined && last.entry === e;
      const related = same && changed !== undefined && !changed.has(e) ? last.related : relatedEntries(site, e);
      if (same && sameList(related, last.related) && last.older === older && last.newer === newer && last.feedsKey === feeds.key) {
        made.set(e.source, last);
        files.push(...last.specs);
        return;
      }
      const prev = older && href(settings, routes.entry(older.date.day, older.slug));
      const next = newer && href(settings, routes.entry(newer.date.day, newer.slug));
      const shown = [e, ...related, ...(older ? [older] : []), ...(newer ? [newer] : [])];
      const n = related.length;
      const specs = [
        pageFile('entries', {
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
        }),
      ];
      made.set(e.source, { entry: e, related, older, newer, feedsKey: feeds.key, specs });
      files.push(...specs);
    });
    kept.made = made;
    kept.tags = site.tagsByKey;
    return files;
  },
};

function sameList(a: readonly Entry[], b: readonly Entry[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
