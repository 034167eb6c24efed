/**
 * Search: the `/search/` page (Pagefind's UI, from the site's own /pagefind/) and the
 * index's files, which the build's search step made (build/search.ts). Each index file
 * is signed by its shard's key, so a build whose records did not change writes none.
 * `search: false` plans nothing.
 */
import { translator } from '../../config/strings.js';
import { href, routes } from '../../config/urls.js';
import { pageFile, siteFeedLinks } from '../page.js';
import { SHARD_SIZE, shardDir } from '../../render/search.js';
import type { FileSpec, Output } from '../types.js';

export const searchOutput: Output = {
  name: 'search',
  plan({ site, settings, search }) {
    if (!settings.search) return [];
    // The bundles follow from the number of entries, so the page is the same with or without the index's files (`linklog dev` serves those).
    const shards = Math.max(1, Math.ceil(site.entries.length / SHARD_SIZE));
    const bundles = Array.from({ length: shards }, (_, i) => href(settings, `pagefind/${shardDir(i)}`));
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
