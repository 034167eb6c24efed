/** The tag index, `/tags/`, and each tag's list of entries, `/tags/<slug>/`. */
import { href, routes } from '../../config/urls.js';
import { cooccurrenceCounts, mostUsed, topCounts, updateCounts } from '../../model/tags.js';
import { compareEntries } from '../../model/index.js';
import { translator } from '../../config/strings.js';
import { dateFormatter } from '../../render/dates.js';
import { tagView, tagWithCount } from '../../render/views.js';
import { feedLinks, pageFile, paginatedPages, siteFeedLinks, tagFeedLink } from '../page.js';
/** Tags with at least this many entries keep their co-occurrence counts between plans. */
const BIG_TAG = 1000;
export const tagPages = {
    name: 'tags',
    plan({ site, settings, keep, memo }) {
        const common = siteFeedLinks(settings);
        const top = mostUsed(site.tags);
        const dates = dateFormatter(settings);
        const dayOf = (day) => dayLink(settings, dates, day);
        // Co-occurring tags by key, kept while a tag is the same object (its entries did not
        // change); their views, while those tags keep their names and slugs.
        // A big tag's counts are kept by key too, and brought up to date when a few of its entries change.
        const cooc = memo(() => ({ byTag: new WeakMap(), shown: new WeakMap(), counts: new Map() }));
        const countsOf = (tag) => {
            const last = cooc.counts.get(tag.key);
            const counts = (last && updateCounts(last.counts, last.tag, tag, compareEntries)) ?? cooccurrenceCounts(tag);
            if (tag.entries.length >= BIG_TAG)
                cooc.counts.set(tag.key, { tag, counts });
            else
                cooc.counts.delete(tag.key);
            return counts;
        };
        for (const key of cooc.counts.keys())
            if (!site.tagsByKey.has(key))
                cooc.counts.delete(key);
        const relatedOf = (tag) => {
            let list = cooc.byTag.get(tag);
            if (!list)
                cooc.byTag.set(tag, (list = topCounts(countsOf(tag))));
            const tags = list.map(({ key }) => site.tagsByKey.get(key));
            const last = cooc.shown.get(tag);
            if (last && last.list === list && last.names.length === tags.length && tags.every((t, i) => t !== undefined && last.names[i] === `${t.slug}=${t.name}`))
                return last;
            const views = list.flatMap(({ count }, i) => {
                const t = tags[i];
                return t ? [{ ...tagView(settings, t), count }] : [];
            });
            const shown = { list, names: tags.map((t) => (t ? `${t.slug}=${t.name}` : '')), views, key: views.map((r) => `${r.slug}=${r.count}=${r.name}`).join('\n') };
            cooc.shown.set(tag, shown);
            return shown;
        };
        const tr = translator(settings);
        const files = [
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
            files.push(pages);
        }
        return files;
    },
};
function dayLink(settings, dates, day) {
    return { day, text: dates.day(day), href: href(settings, routes.day(day)) };
}
//# sourceMappingURL=tags.js.map