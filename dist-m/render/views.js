import { absoluteUrl, entryAnchor, href, routes } from '../config/urls.js';
import { rfc3339 } from '../lib/time.js';
import { pageHtmlUnder } from '../markdown/html.js';
import { groupDays } from '../model/index.js';
import { tagKey } from '../parse/slug.js';
import { translator } from '../config/strings.js';
import { dateFormatter } from './dates.js';
import { dayTitle } from './strings.js';
import { languageTag } from '../lib/text.js';
/** The display names of an entry's tags, in its order. */
export function tagNamesOf(site, e) {
    return e.tagKeys.map((k) => site.tagsByKey.get(k)?.name);
}
/** An entry's tag: no count, so an entry's view does not change when other entries are tagged alike. */
export function tagView(settings, tag) {
    return { name: tag.name, slug: tag.slug, href: href(settings, routes.tag(tag.slug)) };
}
export function tagWithCount(settings, tag) {
    return { ...tagView(settings, tag), count: tag.entries.length };
}
function domainOf(url) {
    return new URL(url).hostname.replace(/^www\./, '');
}
export function emptyViewCache() {
    return { settingsKey: '', byEntry: new Map() };
}
function sameNames(site, e, names) {
    if (names.length !== e.tagKeys.length)
        return false;
    for (let i = 0; i < names.length; i++)
        if (site.tagsByKey.get(e.tagKeys[i])?.name !== names[i])
            return false;
    return true;
}
/** The views of one build: each entry's is made (or taken from `cache`) once. */
export function createViews(site, bodies, zone, cache = emptyViewCache()) {
    const { settings } = site;
    const settingsKey = JSON.stringify(settings);
    if (cache.settingsKey !== settingsKey) {
        cache.settingsKey = settingsKey;
        cache.byEntry.clear();
    }
    const tr = translator(settings);
    const dates = dateFormatter(settings);
    const tagViews = new Map();
    const tagOfKey = (key) => {
        let v = tagViews.get(key);
        if (!v)
            tagViews.set(key, (v = tagView(settings, site.tagsByKey.get(key))));
        return v;
    };
    const asked = new Map();
    const entry = (e) => {
        const known = asked.get(e);
        if (known)
            return known;
        const body = bodies.get(e);
        const html = body?.page ?? '';
        const kept = cache.byEntry.get(e.source);
        if (kept && kept.hash === e.hash && kept.html === html && sameNames(site, e, kept.names)) {
            asked.set(e, kept.view);
            return kept.view;
        }
        const route = routes.entry(e.date.day, e.slug);
        const v = {
            id: entryAnchor(e.date.day, e.slug),
            title: e.title,
            url: e.url,
            domain: domainOf(e.url),
            href: href(settings, route),
            permalink: absoluteUrl(settings, route),
            day: e.date.day,
            dayText: dates.day(e.date.day),
            dayHref: href(settings, routes.day(e.date.day)),
            datetime: rfc3339(e.date.instant),
            dateText: dates.dateTime(e.date.instant, e.date.day, e.date.hasTime, zone),
            updated: e.updated > e.date.instant ? rfc3339(e.updated) : undefined,
            tags: e.tagKeys.map(tagOfKey),
            via: e.via && { ...e.via, label: e.via.name ?? (e.via.url ? domainOf(e.via.url) : '') },
            archived: e.archived,
            html,
            htmlAt: (level) => pageHtmlUnder(body, level),
            draft: e.draft,
            data: e.data,
            lang: languageTag(e.data.lang),
        };
        cache.byEntry.set(e.source, { hash: e.hash, html, names: tagNamesOf(site, e), view: v });
        asked.set(e, v);
        return v;
    };
    const day = (d) => ({
        day: d.day,
        title: dayTitle(tr, dates, d.day),
        href: href(settings, routes.day(d.day)),
        entries: d.entries.map(entry),
    });
    /** Entries (newest first) grouped under their days, for list pages. */
    const groups = (entries) => groupDays(entries).map(day);
    return { entry, day, groups, tag: (name) => tagOfKey(tagKey(name)) };
}
/** Forgets the views of entries no longer in `entries`. */
export function retainViews(cache, entries) {
    if (cache.byEntry.size <= entries.length)
        return;
    const live = new Set(entries.map((e) => e.source));
    for (const source of cache.byEntry.keys())
        if (!live.has(source))
            cache.byEntry.delete(source);
}
//# sourceMappingURL=views.js.map