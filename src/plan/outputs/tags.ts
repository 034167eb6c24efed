/** The tag index, `/tags/`, and each tag's list of entries, `/tags/<slug>/`. */
import { href, routes } from '../../config/urls.js';
import { cooccurring, mostUsed } from '../../model/tags.js';
import type { Tag } from '../../model/index.js';
import type { Settings } from '../../config/settings.js';
import { translator } from '../../config/strings.js';
import { dateFormatter, type DateFormatter } from '../../render/dates.js';
import { tagView, tagWithCount } from '../../render/views.js';
import { feedLinks, pageFile, paginatedPages, siteFeedLinks, tagFeedLink } from '../page.js';
import type { FileSpec, Output } from '../types.js';

export const tagPages: Output = {
  name: 'tags',
  plan({ site, settings, keep, memo }) {
    const common = siteFeedLinks(settings);
    const top = mostUsed(site.tags);
    const dates = dateFormatter(settings);
    const dayOf = (day: string) => dayLink(settings, dates, day);
    // Co-occurring tags by key, kept while a tag is the same object (its entries did not change).
    const cooc = memo(() => ({ byTag: new WeakMap<Tag, Array<{ key: string; count: number }>>() }));
    const relatedOf = (tag: Tag) => {
      let list = cooc.byTag.get(tag);
      if (!list) cooc.byTag.set(tag, (list = cooccurring(tag)));
      return list.flatMap(({ key, count }) => {
        const t = site.tagsByKey.get(key);
        return t ? [{ ...tagView(settings, t), count }] : [];
      });
    };
    const tr = translator(settings);
    const files: FileSpec[] = [
      pageFile('tags', {
        route: routes.tags(),
        template: 'tags',
        title: tr.t('tags.title'),
        feeds: common,
        entries: [],
        values: [site.tags.map((t) => `${t.slug}=${t.entries.length}=${t.name}`).join('\n')],
        lastmod: site.lastmod,
        data: () => ({ tags: site.tags.map((t) => tagWithCount(settings, t)), topTags: top.map((t) => tagWithCount(settings, t)) }),
      }),
    ];
    for (const tag of site.tags) {
      const related = relatedOf(tag);
      const relatedKey = related.map((r) => `${r.slug}=${r.count}=${r.name}`).join('\n');
      const pages = keep(tag.key, tag, `${common.key}\n${relatedKey}`, () => {
        const feed = tagFeedLink(settings, tag);
        // The first entry (by path) with the tag: where its page's path can be changed.
        const first = tag.entries.reduce((a, b) => (b.source < a.source ? b : a));
        return paginatedPages('tags', settings, tag.entries, {
          route: (n) => routes.tag(tag.slug, n),
          title: (n) => (n === undefined ? tr.t('tag.title', { tag: tag.name }) : tr.t('tag.title.page', { tag: tag.name, page: n })),
          template: 'tag',
          feeds: feedLinks([feed, common.links[0]]),
          values: [tag.slug, tag.name],
          frontValues: [tag.entries.length, relatedKey, tag.entries[tag.entries.length - 1].date.day],
          front: () => ({ tag: { ...tagWithCount(settings, tag), first: dayOf(tag.entries[tag.entries.length - 1].date.day), last: dayOf(tag.entries[0].date.day), related }, feed }),
          numbered: () => ({ tag: tagView(settings, tag), feed }),
          origin: { file: first.source, line: first.lines.tags },
          description: tr.t('description.tag', { count: tag.entries.length, tag: tag.name, site: settings.title }),
        });
      });
      files.push(...pages);
    }
    return files;
  },
};

function dayLink(settings: Settings, dates: DateFormatter, day: string) {
  return { day, text: dates.day(day), href: href(settings, routes.day(day)) };
}
