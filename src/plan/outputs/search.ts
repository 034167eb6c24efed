/**
 * Search: the `/search/` page (Pagefind's UI, from the site's own /pagefind/) and the
 * index's files, which the build's search step made (build/search.ts). Each index file
 * is signed by its shard's key, so a build whose records did not change writes none.
 * `search: false` plans nothing.
 */
import { translator } from '../../config/strings.js';
import { href, routes } from '../../config/urls.js';
import { pageFile, siteFeedLinks } from '../page.js';
import { shardLayout } from '../../render/search.js';
import type { FileSpec, Output } from '../types.js';

export const searchOutput: Output = {
  name: 'search',
  plan({ site, settings, search, searchShards }) {
    if (!settings.search) return [];
    // The bundles follow from the number of entries, so the page is the same with or without
    // the index's files (`linklog dev` serves those), and changes only when the list of
    // bundles does (once every 100 entries: a new partial shard).
    const dirs = shardLayout(site.entries.length, searchShards).map((s) => s.dir);
    const bundles = (dirs.length ? dirs : ['']).map((dir) => href(settings, `pagefind/${dir}`));
    const files: FileSpec[] = [
      pageFile('search', {
        route: 'search/',
        template: 'search',
        title: translator(settings).t('search.title'),
        feeds: siteFeedLinks(settings),
        entries: [],
        values: bundles,
        lastmod: undefined,
        data: () => ({
          search: { bundle: bundles[0], merge: bundles.slice(1), tags: href(settings, routes.tags()), archive: href(settings, routes.archive()), tagsJson: href(settings, 'tags.json') },
        }),
      }),
    ];
    for (const shard of search?.shards ?? []) {
      for (const f of shard.files) {
        files.push({ path: `pagefind/${shard.dir}${f.path}`, output: 'search', inputs: { entries: [], values: [shard.key] }, render: () => f.bytes });
      }
    }
    return files;
  },
};
