/** The tag index, `/tags/`, and each tag's list of entries, `/tags/<slug>/`. */
import { href, routes } from '../../config/urls.js';
import { cooccurrenceCounts, mostUsed, topCounts, updateCounts } from '../../model/tags.js';
import { compareEntries, type Tag } from '../../model/index.js';
import type { Settings } from '../../config/settings.js';
import { translator } from '../../config/strings.js';
import { dateFormatter, type DateFormatter } from '../../render/dates.js';
import { tagView, tagWithCount, type TagView } from '../../render/views.js';
import { feedLinks, pageFile, paginatedPages, siteFeedLinks, tagFeedLink } from '../page.js';
import type { Output, Planned } from '../types.js';

/** Tags with at least this many entries keep their co-occurrence counts between plans. */
const BIG_TAG = 1000;

export const tagPages: Output = {
  name: 'tags',
  plan({ site, settings, keep, memo }) {
    const common = siteFeedLinks(settings);
    const top = mostUsed(site.tags);
    const dates = dateFormatter(settings);
    const dayOf = (day: string) => dayLink(settings, dates, day);
    // Co-occurring tags by key, kept while a tag is the same object (its entries did not
    // change); their views, while those tags keep their names and slugs.
    // A big tag's counts are kept by key too, and brought up to date when a few of its entries change.
    const cooc = memo(() => ({
      byTag: new WeakMap<Tag, Array<{ key: string; count: number }>>(),
      shown: new WeakMap<Tag, RelatedTags>(),
      counts: new Map<string, { tag: Tag; counts: Map<string, number> }>(),
      tags: undefined as ReadonlyMap<string, Tag> | undefined,
    }));
    const countsOf = (tag: Tag): Map<string, number> => {
      const last = cooc.counts.get(tag.key);
      const counts = (last && updateCounts(last.counts, last.tag, tag, compareEntries)) ?? cooccurrenceCounts(tag);
      if (tag.entries.length >= BIG_TAG) cooc.counts.set(tag.key, { tag, counts });
      else cooc.counts.delete(tag.key);
      return counts;
    };
    for (const key of cooc.counts.keys()) if (!site.tagsByKey.has(key)) cooc.counts.delete(key);
    // Tags made anew (or gone) since the last plan: only they can change a shown name or slug.
    const before = cooc.tags;
    const changed = new Set<string>();
    if (before) {
      for (const t of site.tags) if (before.get(t.key) !== t) changed.add(t.key);
      for (const key of before.keys()) if (!site.tagsByKey.has(key)) changed.add(key);
    }
    cooc.tags = site.tagsByKey;
    const relatedOf = (tag: Tag): RelatedTags => {
      let list = cooc.byTag.get(tag);
      if (!list) cooc.byTag.set(tag, (list = topCounts(countsOf(tag))));
      const last = cooc.shown.get(tag);
      // Shown at the last plan, and none of its tags made anew since.
      if (last && last.list === list && before !== undefined && last.at === before && list.every(({ key }) => !changed.has(key))) {
        last.at = site.tagsByKey;
        return last;
      }
      const tags = list.map(({ key }) => site.tagsByKey.get(key));
      if (last && last.list === list && last.names.length === tags.length && tags.every((t, i) => t !== undefined && last.names[i] === `${t.slug}=${t.name}`)) {
        last.at = site.tagsByKey;
        return last;
      }
      const views = list.flatMap(({ count }, i) => {
        const t = tags[i];
        return t ? [{ ...tagView(settings, t), count }] : [];
      });
      const shown: RelatedTags = { list, names: tags.map((t) => (t ? `${t.slug}=${t.name}` : '')), views, key: views.map((r) => `${r.slug}=${r.count}=${r.name}`).join('\n'), at: site.tagsByKey };
      cooc.shown.set(tag, shown);
      return shown;
    };
    const tr = translator(settings);
    const files: Planned[] = [
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
      const { views: related, key: relatedKey } = relatedOf(tag);
      const pages = keep(tag.key, tag, `${common.key}\n${relatedKey}`, () => {
        const feed = tagFeedLink(settings, tag);
        return paginatedPages('tags', settings, tag.entries, {
          route: (n) => routes.tag(tag.slug, n),
          title: (n) => (n === undefined ? tr.t('tag.title', { tag: tag.name }) : tr.t('tag.title.page', { tag: tag.name, page: n })),
          template: 'tag',
          feeds: feedLinks([feed, common.links[0]]),
          values: [tag.slug, tag.name],
          frontValues: [tag.entries.length, relatedKey, tag.entries[tag.entries.length - 1].date.day],
          front: () => ({ tag: { ...tagWithCount(settings, tag), first: dayOf(tag.entries[tag.entries.length - 1].date.day), last: dayOf(tag.entries[0].date.day), related }, feed }),
          numbered: () => ({ tag: tagView(settings, tag), feed }),
          origin: { file: tag.origin.source, line: tag.origin.lines.tags },
          description: tr.t('description.tag', { count: tag.entries.length, tag: tag.name, site: settings.title }),
        });
      });
      files.push(pages);
    }
    return files;
  },
};

interface RelatedTags {
  list: ReadonlyArray<{ key: string; count: number }>;
  /** `slug=name` of each listed tag when the views were made. */
  names: string[];
  views: Array<TagView & { count: number }>;
  key: string;
  /** The tags of the plan that last looked at it. */
  at: ReadonlyMap<string, Tag>;
}

function dayLink(settings: Settings, dates: DateFormatter, day: string) {
  return { day, text: dates.day(day), href: href(settings, routes.day(day)) };
}
