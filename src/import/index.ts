/**
 * `linklog import`: bookmarks from another tool into entry files, written as
 * `linklog new` writes them. Bad records are skipped and reported, good ones
 * imported; nothing already in content/ is overwritten or duplicated, and the
 * site stays buildable (tags whose slugs would clash are merged).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadSite } from '../build/index.js';
import { loadSettings, type Settings } from '../config/settings.js';
import { isoInZone, prepareEntry, slugsInFolder, writeEntries, type Prepared } from '../content/new-entry.js';
import { zone as zoneOf, type Zone } from '../lib/time.js';
import type { Entry } from '../parse/entry.js';
import { slugify, tagKey } from '../parse/slug.js';
import { parseWebUrl } from '../parse/url.js';
import { isJsonBookmarks, parseJsonBookmarks } from './json.js';
import { parseMarkdownFolder, type FieldMap } from './markdown.js';
import { isNetscape, parseNetscape } from './netscape.js';
import type { BookmarkRecord, SourceProblem } from './records.js';

export type ImportFormat = 'netscape' | 'pinboard' | 'json' | 'markdown';

export interface ImportOptions {
  source: string;
  root: string;
  format?: ImportFormat;
  dryRun?: boolean;
  folderTags?: boolean;
  fieldMap?: FieldMap;
  /** For tests: the clock used when a whole file has no dates. */
  now?: number;
}

export interface ImportSummary {
  format: ImportFormat;
  read: number;
  imported: number;
  /** Of the imported: written as drafts (private bookmarks, or holding template tags). */
  drafts: number;
  duplicates: number;
  errors: SourceProblem[];
  /** Records imported with a remark (missing date, template tags). */
  notes: SourceProblem[];
  /** Tags merged into an existing spelling because their slugs would clash. */
  merges: Array<{ from: string; into: string }>;
  /** Root-relative paths written (or that would be, with --dry-run). */
  files: string[];
}

/** A bookmark file that cannot be read at all: nothing is written. */
export class ImportError extends Error {}

/** The same link, however it was written: scheme and host lower-cased, default port and fragment dropped. */
export function normaliseUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

export function detectFormat(source: string, text: string | undefined): ImportFormat {
  if (text === undefined) return 'markdown';
  if (isJsonBookmarks(text)) return 'json';
  if (isNetscape(text)) return 'netscape';
  throw new ImportError(`${source}: not a bookmark file: expected a Netscape bookmark file (HTML), a JSON export, or a folder of Markdown files`);
}

function readSourceText(source: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(source);
  } catch {
    throw new ImportError(`${source}: no such file or folder`);
  }
  if (st.isDirectory()) return undefined;
  const bytes = fs.readFileSync(source);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${source}: not valid UTF-8; convert the file to UTF-8 (for example with iconv) and import again`);
  }
}

function readRecords(options: ImportOptions, zone: Zone): { format: ImportFormat; records: BookmarkRecord[]; problems: SourceProblem[] } {
  const text = readSourceText(options.source);
  if (text !== undefined && text.replace(/^\uFEFF/, '').trim() === '') throw new ImportError(`${options.source}: the file is empty`);
  const format = options.format === 'pinboard' ? 'json' : (options.format ?? detectFormat(options.source, text));
  if (format === 'markdown') {
    if (text !== undefined) throw new ImportError(`${options.source}: --format markdown takes a folder of Markdown files`);
    const r = parseMarkdownFolder(options.source, zone, options.fieldMap);
    if (r.files === 0) throw new ImportError(`${options.source}: no Markdown files in this folder`);
    return { format, records: r.records, problems: r.problems };
  }
  if (text === undefined) throw new ImportError(`${options.source} is a folder: a ${format} import takes a file`);
  if (text.trim() === '') throw new ImportError(`${options.source}: the file is empty`);
  if (format === 'json') {
    try {
      const r = parseJsonBookmarks(text, zone);
      return { format, records: r.records, problems: r.problems };
    } catch (e) {
      throw new ImportError(`${options.source}: ${(e as Error).message}`);
    }
  }
  if (!isNetscape(text)) throw new ImportError(`${options.source}: not a Netscape bookmark file (no <!DOCTYPE NETSCAPE-Bookmark-file-1> and no <DT><A HREF> links)`);
  return { format, records: parseNetscape(text, { zone, folderTags: options.folderTags }), problems: [] };
}

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const root = path.resolve(options.root);
  const { settings, diagnostics } = await loadSettings(root);
  const bad = diagnostics.find((d) => d.severity === 'error');
  if (bad) throw new ImportError(`${bad.file}:${bad.line ?? ''} ${bad.message}`);
  const zone = zoneOf(settings.timezone);
  const { format, records, problems } = readRecords(options, zone);
  const summary: ImportSummary = { format, read: records.length, imported: 0, drafts: 0, duplicates: 0, errors: [...problems], notes: [], merges: [], files: [] };

  // What the site holds already: links (to skip), permalinks and tag slugs (to avoid clashes).
  const existing: readonly Entry[] = fs.existsSync(path.join(root, 'content'))
    ? ((await loadSite({ root, drafts: true })).site?.entries ?? [])
    : [];
  const seenUrls = new Set(existing.map((e) => normaliseUrl(e.url)));
  const slugOwner = new Map<string, string>(); // slug → tag spelling
  const keyOwner = new Map<string, string>(); // tag key → spelling used
  for (const e of existing) {
    for (const t of e.tags) {
      const key = tagKey(t);
      const slug = slugify(key);
      if (!slugOwner.has(slug)) slugOwner.set(slug, t);
      if (!keyOwner.has(key)) keyOwner.set(key, t);
    }
  }
  const takenByDay = new Map<string, Set<string>>();
  const inFolder = slugsInFolder(root);
  for (const e of existing) {
    const dir = `content/${e.date.day.replaceAll('-', '/')}`;
    if (!takenByDay.has(dir)) takenByDay.set(dir, inFolder(dir));
    takenByDay.get(dir)!.add(e.slug);
  }
  const taken = (dir: string) => {
    let set = takenByDay.get(dir);
    if (!set) takenByDay.set(dir, (set = inFolder(dir)));
    return set;
  };
  const mergeTag = (tag: string): string => {
    const key = tagKey(tag);
    const slug = slugify(key);
    const owner = slugOwner.get(slug);
    if (owner === undefined) {
      slugOwner.set(slug, tag);
      keyOwner.set(key, tag);
      return tag;
    }
    if (tagKey(owner) === key) return tag;
    if (!summary.merges.some((m) => m.from === tag)) summary.merges.push({ from: tag, into: owner });
    return owner;
  };

  const now = options.now ?? Date.now();
  let lastInstant: number | undefined;
  const prepared: Prepared[] = [];
  for (const r of records) {
    const fail = (message: string) => summary.errors.push({ position: r.position, message });
    if (!r.url) {
      fail('no url');
      continue;
    }
    const checked = parseWebUrl(r.url);
    if (checked.url === undefined) {
      fail(`url ${checked.problem}`);
      continue;
    }
    if (r.date && 'unreadable' in r.date) {
      fail(`unreadable date '${r.date.unreadable}'`);
      continue;
    }
    const key = normaliseUrl(checked.url);
    if (seenUrls.has(key)) {
      summary.duplicates++;
      continue;
    }
    seenUrls.add(key);
    let instant: number;
    let hasTime = true;
    if (r.date) {
      instant = r.date.instant;
      hasTime = r.date.hasTime;
      lastInstant = instant;
    } else {
      // No date: it keeps its place in the file, next to the bookmark before it.
      instant = lastInstant ?? now;
      summary.notes.push({ position: r.position, message: `no date: dated ${lastInstant === undefined ? 'now' : 'like the bookmark before it'}` });
    }
    for (const note of r.notes ?? []) summary.notes.push({ position: r.position, message: note });
    const tags: string[] = [];
    for (const t of r.tags) {
      const merged = mergeTag(t);
      if (!tags.some((x) => tagKey(x) === tagKey(merged))) tags.push(merged);
    }
    try {
      const p = prepareEntry(
        root,
        settings,
        {
          url: checked.url,
          title: r.title,
          tags,
          via: r.via,
          date: hasTime ? isoInZone(instant, zone) : zone.day(instant),
          updated: r.updated !== undefined && r.updated > instant ? isoInZone(r.updated, zone) : undefined,
          body: r.body,
          draft: r.private,
          slug: r.slug,
          extra: r.extra,
        },
        now,
        taken,
        zone,
      );
      prepared.push(p);
      summary.imported++;
      if (r.private) summary.drafts++;
    } catch (e) {
      fail((e as Error).message);
      seenUrls.delete(key);
    }
  }
  summary.files = prepared.map((p) => p.path);
  if (!options.dryRun) await writeEntries(root, prepared);
  return summary;
}
