/**
 * The search index's records: one Pagefind custom record per published entry, made
 * from the model (title, the link's domain, the commentary's text, tags, date), never
 * by reading pages back. Tags are the `tag` filter, the date the `date` sort key.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Settings } from '../config/settings.js';
import { href, routes } from '../config/urls.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';

/** Entries per Pagefind bundle (shard): one Pagefind process peaks at about 0.3 GiB for 5,000 (see README, Speed). */
export const SHARD_SIZE = 5000;

/** A shard's folder under pagefind/: the first is Pagefind's own /pagefind/. */
export const shardDir = (i: number) => (i === 0 ? '' : `part-${i + 1}/`);

/** What Pagefind's `addCustomRecord` takes. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** The visible text of a rendered commentary, whitespace collapsed. */
export function commentaryText(html: string): string {
  const text = /[<&]/.test(html) ? toString(fromHtml(html, { fragment: true })) : html;
  return text.replace(/\s+/g, ' ').trim();
}

/** The link's host without `www.`, as readers remember it ("that lwn.net article"). */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Pagefind's language: the site's, for every record, so one index answers every query. */
export function searchLanguage(settings: Settings): string {
  return settings.language.toLowerCase();
}

/** One entry's record; `commentary` is its body's text (commentaryText). */
export function searchRecord(settings: Settings, site: Site, e: Entry, commentary: string): SearchRecord {
  const domain = domainOf(e.url);
  const tags = e.tagKeys.map((k) => site.tagsByKey.get(k)?.name ?? k);
  return {
    url: href(settings, routes.entry(e.date.day, e.slug)),
    // The title and domain are searched too: Pagefind indexes `content`, its meta only shows.
    content: [e.title, domain, commentary, tags.join(', ')].filter((s) => s !== '').join('\n'),
    language: searchLanguage(settings),
    meta: { title: e.title, domain, date: e.date.day },
    filters: tags.length ? { tag: tags } : {},
    // ISO 8601 in UTC sorts as text in time order.
    sort: { date: new Date(e.date.instant).toISOString() },
  };
}

/**
 * What an entry's record is made from, as text: its hash (title, url, body, date, tags as
 * written), its tags' display names and its URL. The same text gives the same record.
 */
export function recordVersion(settings: Settings, site: Site, e: Entry): string {
  return `${e.hash}\t${href(settings, routes.entry(e.date.day, e.slug))}\t${e.tagKeys.map((k) => site.tagsByKey.get(k)?.name ?? k).join('\t')}`;
}
