/**
 * JSON bookmarks: Pinboard's export (href, description, extended, tags, time,
 * shared, toread), and linklog's own export (title, url, date, tags, body…),
 * so that an export imports back as it was.
 */
import type { Zone } from '../lib/time.js';
import { readBookmarkDate, splitTags, textToMarkdown, type BookmarkRecord, type SourceProblem } from './records.js';

export function isJsonBookmarks(text: string): boolean {
  return /^\s*\[/.test(text.replace(/^\uFEFF/, ''));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function parseJsonBookmarks(text: string, zone: Zone): { records: BookmarkRecord[]; problems: SourceProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new Error('not a bookmark file: a JSON export is a list of bookmarks');
  const records: BookmarkRecord[] = [];
  const problems: SourceProblem[] = [];
  data.forEach((item, i) => {
    const position = `item ${i + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ position, message: 'not a bookmark (expected an object)' });
      return;
    }
    const o = item as Record<string, unknown>;
    if ('href' in o || 'extended' in o || 'shared' in o) {
      // Pinboard: description is the title, extended the (plain text) commentary.
      records.push({
        position,
        url: str(o.href)?.trim() || undefined,
        title: str(o.description)?.trim() || undefined,
        body: textToMarkdown(str(o.extended) ?? ''),
        tags: splitTags(Array.isArray(o.tags) ? o.tags.join(' ') : str(o.tags)),
        date: readBookmarkDate(str(o.time), zone),
        private: str(o.shared) === 'no',
        extra: str(o.toread) === 'yes' ? { toread: true } : undefined,
      });
      return;
    }
    // linklog's own export.
    const { title, url, date, tags, body, via, updated, draft, slug, ...rest } = o;
    const up = readBookmarkDate(str(updated), zone);
    records.push({
      position,
      url: str(url)?.trim() || undefined,
      title: str(title)?.trim() || undefined,
      // linklog's own commentary comes back as it was: the build sanitises it, as before.
      body: (str(body) ?? '').trim(),
      tags: Array.isArray(tags) ? tags.map(String) : splitTags(str(tags)),
      date: readBookmarkDate(str(date), zone),
      updated: up && 'instant' in up ? up.instant : undefined,
      private: draft === true,
      slug: str(slug),
      via: typeof via === 'string' ? via : via && typeof via === 'object' ? (via as { name?: string; url?: string }) : undefined,
      extra: Object.keys(rest).length ? rest : undefined,
    });
  });
  return { records, problems };
}
