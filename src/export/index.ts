/**
 * `linklog export`: every entry as a Netscape bookmark file (which browsers,
 * Pinboard, Shaarli and linkding import) or as JSON with every field.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Settings } from '../config/settings.js';
import { isoInZone } from '../content/new-entry.js';
import { LINKLOG_EXPORT_META } from '../import/netscape.js';
import { zone as zoneOf, type Zone } from '../lib/time.js';
import { compareEntries } from '../model/index.js';
import type { Entry } from '../parse/entry.js';

export type ExportFormat = 'netscape' | 'json';

const seconds = (ms: number) => String(Math.floor(ms / 1000));

/** The date as front matter had it: a day stays a day. */
function dateText(e: Entry, zone: Zone): string {
  return e.date.hasTime ? isoInZone(e.date.instant, zone) : zone.day(e.date.instant);
}

export function exportNetscape(entries: readonly Entry[]): string {
  const items = [...entries].sort(compareEntries).flatMap((e) => {
    const a = h(
      'a',
      {
        href: e.url,
        add_date: seconds(e.date.instant),
        last_modified: seconds(e.updated),
        private: e.draft ? '1' : '0',
        tags: e.tags.join(','),
      },
      e.title,
    );
    const dt = `<DT>${toHtml(a)}\n`;
    const body = e.body.trim();
    // The commentary is Markdown, written as text: an import reads it back as it was.
    return body ? [dt, `<DD>${toHtml({ type: 'text', value: body })}\n`] : [dt];
  });
  return [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    LINKLOG_EXPORT_META,
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    items.join(''),
    '</DL><p>',
    '',
  ].join('\n');
}

export function exportJson(entries: readonly Entry[], settings: Settings): string {
  const zone = zoneOf(settings.timezone);
  const out = [...entries].sort(compareEntries).map((e) => {
    const o: Record<string, unknown> = { title: e.title, url: e.url, date: dateText(e, zone), tags: e.tags };
    if (e.via) o.via = e.via.url && e.via.name ? { name: e.via.name, url: e.via.url } : (e.via.url ?? e.via.name);
    if (e.updated > e.date.instant) o.updated = isoInZone(e.updated, zone);
    if (e.draft) o.draft = true;
    o.slug = e.slug;
    Object.assign(o, e.data);
    o.body = e.body;
    return o;
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}
