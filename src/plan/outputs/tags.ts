/** The tag index, `/tags/`, and each tag's list of entries, `/tags/<slug>/`. */
import { routes } from '../../config/urls.js';
import { tagView, tagWithCount } from '../../render/views.js';
import { feedLinks, pageFile, paginatedPages, siteFeedLinks, tagFeedLink } from '../page.js';
import type { FileSpec, Output } from '../types.js';

export const tagPages: Output = {
  name: 'tags',
  plan({ site, settings, keep }) {
    const common = siteFeedLinks(settings);
    const files: FileSpec[] = [
      pageFile('tags', {
        route: routes.tags(),
        template: 'tags',
        title: 'Tags',
        feeds: common,
        entries: [],
        values: [site.tags.map((t) => `${t.slug}=${t.entries.length}=${t.name}`).join('\n')],
        lastmod: site.lastmod,
        data: () => ({ tags: site.tags.map((t) => tagWithCount(settings, t)) }),
      }),
    ];
    for (const tag of site.tags) {
      const pages = keep(tag.key, tag, common.key, () => {
        const feed = tagFeedLink(settings, tag);
        // The first entry (by path) with the tag: where its page's path can be changed.
        const first = tag.entries.reduce((a, b) => (b.source < a.source ? b : a));
        return paginatedPages('tags', settings, tag.entries, {
          route: (n) => routes.tag(tag.slug, n),
          title: (n) => (n === undefined ? `Links tagged “${tag.name}”` : `Links tagged “${tag.name}”, page ${n}`),
          template: 'tag',
          feeds: feedLinks([feed, common.links[0]]),
          values: [tag.slug, tag.name],
          frontValues: [tag.entries.length],
          front: () => ({ tag: tagWithCount(settings, tag), feed }),
          numbered: () => ({ tag: tagView(settings, tag), feed }),
          origin: { file: first.source, line: first.lines.tags },
        });
      });
      files.push(...pages);
    }
    return files;
  },
};
