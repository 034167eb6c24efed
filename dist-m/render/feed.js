/**
 * Feeds as data, apart from any format: the site's, the daily one and each tag's are
 * made here from the model; `atom.ts` (and any other format) only serialises them.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { absoluteUrl, entryId, routes } from '../config/urls.js';
import { lastmodOf } from '../model/index.js';
import { feedHtmlOf, keptDayOf, TemplateError } from './context.js';
import { dayTitle } from './strings.js';
export const GENERATOR = { name: 'linklog', uri: 'https://www.npmjs.com/package/linklog' };
/** The item's text in `format`: kept in `item.texts` when it has them, else made by `make`. */
export function itemText(item, format, make) {
    if (!item.texts)
        return make();
    let text = item.texts.get(format);
    if (text === undefined)
        item.texts.set(format, (text = make()));
    return text;
}
export function dayId(idAuthority, day) {
    return `tag:${idAuthority},${day}:daily/${day}`;
}
function feedOf(ctx, fields) {
    const { settings } = ctx;
    return {
        ...fields,
        language: settings.language,
        author: settings.author,
        tagScheme: absoluteUrl(settings, routes.tags()),
        generator: { ...GENERATOR, version: ctx.version },
        ...(settings.hub ? { hubs: [settings.hub] } : {}),
    };
}
export function entryItem(ctx, e) {
    const { settings, site } = ctx;
    return {
        id: entryId(settings.idAuthority, e),
        title: e.title,
        url: e.url,
        permalink: absoluteUrl(settings, routes.entry(e.date.day, e.slug)),
        via: e.via,
        archived: e.archived,
        published: e.date.instant,
        updated: e.updated,
        tags: e.tagKeys.map((key) => {
            const tag = site.tagsByKey.get(key);
            return { name: tag.name, href: absoluteUrl(settings, routes.tag(tag.slug)) };
        }),
        html: feedEntryHtml(ctx, e),
        entry: e,
    };
}
/** The template every feed renders an entry's HTML with; a site may override it. */
export const FEED_ENTRY_TEMPLATE = '_feed-entry';
/**
 * An entry's HTML in every feed: `_feed-entry.eta` with the entry's view, every URL
 * absolute (its commentary, tags, permalink), rendered once per build (or kept from the last).
 */
export function feedEntryHtml(ctx, e) {
    return feedHtmlOf(ctx.feedHtml, e, tagNames(ctx, e), () => makeFeedEntryHtml(ctx, e));
}
/** The entry's tags' names and slugs, which its feed HTML shows. */
function tagNames(ctx, e) {
    let names = '';
    for (const key of e.tagKeys) {
        const tag = ctx.site.tagsByKey.get(key);
        names += `${tag.name}\t${tag.slug}\n`;
    }
    return names;
}
function makeFeedEntryHtml(ctx, e) {
    const { settings } = ctx;
    const page = ctx.views.entry(e);
    const entry = {
        ...page,
        href: page.permalink,
        dayHref: absoluteUrl(settings, routes.day(e.date.day)),
        tags: e.tagKeys.map((key) => {
            const tag = ctx.site.tagsByKey.get(key);
            return { name: tag.name, slug: tag.slug, href: absoluteUrl(settings, routes.tag(tag.slug)) };
        }),
        html: ctx.bodies.get(e)?.feed ?? '',
    };
    try {
        return ctx.templates.eta.render(`@${FEED_ENTRY_TEMPLATE}`, { entry, site: ctx.common, t: ctx.tr.t, href: (route) => absoluteUrl(settings, route) }).trim();
    }
    catch (err) {
        throw new TemplateError(FEED_ENTRY_TEMPLATE, routes.entry(e.date.day, e.slug), err);
    }
}
/** A daily post: every link of the day with its commentary, all URLs absolute. */
export function dayItem(ctx, day, entries) {
    const { settings } = ctx;
    let published = Infinity;
    let names = '';
    for (const e of entries) {
        published = Math.min(published, e.date.instant);
        names += `${tagNames(ctx, e)}\n`;
    }
    const kept = keptDayOf(ctx.feedHtml, day, entries, names, () => dayContent(ctx, entries));
    return {
        id: dayId(settings.idAuthority, day),
        title: dayTitle(ctx.tr, ctx.dates, day),
        url: absoluteUrl(settings, routes.day(day)),
        published,
        updated: lastmodOf(entries),
        tags: [],
        html: kept.html,
        texts: kept.texts,
    };
}
function dayContent(ctx, entries) {
    const tree = h(null, entries.flatMap((e) => [
        h('h2', [h('a', { href: e.url }, e.title), ...(e.archived ? [' (', h('a', { href: e.archived }, 'archived copy'), ')'] : [])]),
        { type: 'raw', value: feedEntryHtml(ctx, e) },
    ]));
    return toHtml(tree, { allowDangerousHtml: true });
}
/** The site's feed: its newest entries. */
export function siteFeed(ctx, entries) {
    const { settings } = ctx;
    return feedOf(ctx, {
        title: settings.title,
        subtitle: settings.description || undefined,
        home: absoluteUrl(settings, routes.home()),
        items: entries.map((e) => entryItem(ctx, e)),
        updated: lastmodOf(entries),
    });
}
/** One post a day, for the newest days; `entries` are theirs, newest first. */
export function dailyFeed(ctx, entries) {
    const { settings } = ctx;
    const days = [];
    for (const e of entries) {
        const last = days[days.length - 1];
        if (last?.day === e.date.day)
            last.entries.push(e);
        else
            days.push({ day: e.date.day, entries: [e] });
    }
    return feedOf(ctx, {
        title: ctx.tr.t('feed.byDay', { site: settings.title }),
        subtitle: settings.description || undefined,
        home: absoluteUrl(settings, routes.archive()),
        items: days.map((d) => dayItem(ctx, d.day, d.entries)),
        updated: lastmodOf(entries),
    });
}
/** A tag's feed: its newest entries. */
export function tagFeed(ctx, tag, entries) {
    const { settings } = ctx;
    return feedOf(ctx, {
        title: ctx.tr.t('feed.tag', { site: settings.title, tag: tag.name }),
        home: absoluteUrl(settings, routes.tag(tag.slug)),
        items: entries.map((e) => entryItem(ctx, e)),
        updated: lastmodOf(entries),
    });
}
//# sourceMappingURL=feed.js.map