/**
 * `linklog export`: every entry as a Netscape bookmark file (which browsers,
 * Pinboard, Shaarli and linkding import) or as JSON with every field.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { isoInZone } from '../content/new-entry.js';
import { LINKLOG_EXPORT_META, LINKLOG_TEXT_META } from '../import/netscape.js';
import { zone as zoneOf } from '../lib/time.js';
import { compareEntries } from '../model/index.js';
import { markdownToText } from './text.js';
const seconds = (ms) => String(Math.floor(ms / 1000));
/** The date as front matter had it: a day stays a day. */
function dateText(e, zone) {
    return e.date.hasTime ? isoInZone(e.date.instant, zone) : zone.day(e.date.instant);
}
/** The feeds' front-matter keys (`id`, `aliases`), when this build has them. */
const idOf = (e) => e.id;
const aliasesOf = (e) => (e.aliases ?? []).map((r) => `/${encodeURI(r)}`);
/**
 * Netscape: url, title, dates, private and tags as every tool reads them (TAGS comma-separated,
 * so a tag may hold spaces); linklog's own fields (DATE as written, SLUG, ID, VIA, ALIASES,
 * LANG, ARCHIVED, and the entry's other fields as JSON in DATA) as attributes other tools
 * ignore, TOREAD as Pinboard writes it; the commentary as plain text in <DD>.
 */
export function exportNetscape(entries, settings) {
    const zone = settings ? zoneOf(settings.timezone) : undefined;
    const items = [...entries].sort(compareEntries).flatMap((e) => {
        const props = {
            href: e.url,
            add_date: seconds(e.date.instant),
            last_modified: seconds(e.updated),
            private: e.draft ? '1' : '0',
            tags: e.tags.map((t) => t.replaceAll(',', ' ')).join(','),
        };
        if (zone)
            props.date = dateText(e, zone);
        props.slug = e.slug;
        if (idOf(e))
            props.id = idOf(e);
        if (e.via?.url)
            props.via = e.via.url;
        if (e.via?.name)
            props.via_name = e.via.name;
        if (aliasesOf(e).length)
            props.aliases = aliasesOf(e).join(' ');
        if (typeof e.data.lang === 'string')
            props.lang = e.data.lang;
        if (e.archived)
            props.archived = e.archived;
        // Pinboard's and linkding's own "read later" flag; the other fields of the entry as JSON.
        if (e.data.toread === true)
            props.toread = '1';
        const custom = Object.entries(e.data).filter(([k, v]) => !(k === 'lang' && typeof v === 'string') && !(k === 'toread' && v === true));
        if (custom.length)
            props.data = JSON.stringify(Object.fromEntries(custom));
        const dt = `<DT>${toHtml(h('a', props, e.title))}\n`;
        const text = markdownToText(e.body);
        return text ? [dt, `<DD>${toHtml({ type: 'text', value: text })}\n`] : [dt];
    });
    return [
        '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
        '<!-- This is an automatically generated file. -->',
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
        LINKLOG_EXPORT_META,
        LINKLOG_TEXT_META,
        '<TITLE>Bookmarks</TITLE>',
        '<H1>Bookmarks</H1>',
        '<DL><p>',
        items.join(''),
        '</DL><p>',
        '',
    ].join('\n');
}
export function exportJson(entries, settings) {
    const zone = zoneOf(settings.timezone);
    const out = [...entries].sort(compareEntries).map((e) => {
        const o = { title: e.title, url: e.url, date: dateText(e, zone), tags: e.tags };
        if (e.via)
            o.via = e.via.url && e.via.name ? { name: e.via.name, url: e.via.url } : (e.via.url ?? e.via.name);
        if (e.updated > e.date.instant)
            o.updated = isoInZone(e.updated, zone);
        if (e.archived)
            o.archived = e.archived;
        if (e.draft)
            o.draft = true;
        o.slug = e.slug;
        if (idOf(e))
            o.id = idOf(e);
        if (aliasesOf(e).length)
            o.aliases = aliasesOf(e);
        Object.assign(o, e.data);
        o.body = e.body;
        return o;
    });
    return `${JSON.stringify(out, null, 2)}\n`;
}
//# sourceMappingURL=index.js.map