/**
 * Search: the `/search/` page (Pagefind's UI, from the site's own /pagefind/) and the
 * index's files, which the build's search step made (build/search.ts). Each index file
 * is signed by its shard's key, so a build whose records did not change writes none.
 * `search: false` plans nothing.
 */
import { translator } from '../../config/strings.js';
import { href, routes } from '../../config/urls.js';
import { pageFile, siteFeedLinks } from '../page.js';
import { SHARD_LEVELS } from '../../render/search.js';
import { BUILD_JSON } from './build-json.js';
export const searchOutput = {
    name: 'search',
    plan({ settings, search, searchShards }) {
        if (!settings.search)
            return [];
        // The page's script finds the bundles from build.json's entry count (the same layout as
        // shardLayout), so the page does not change when a new entry starts a new bundle.
        const levels = searchShards ?? SHARD_LEVELS;
        const bundle = href(settings, 'pagefind/');
        const files = [
            pageFile('search', {
                route: 'search/',
                template: 'search',
                title: translator(settings).t('search.title'),
                feeds: siteFeedLinks(settings),
                entries: [],
                values: levels,
                lastmod: undefined,
                data: () => ({
                    search: { bundle, levels, stamp: href(settings, BUILD_JSON), tags: href(settings, routes.tags()), archive: href(settings, routes.archive()), tagsJson: href(settings, 'tags.json') },
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
//# sourceMappingURL=search.js.map