/**
 * A folder of another generator's link posts (Jekyll, Hugo, Eleventy) with
 * YAML front matter. Field names differ between them; the common ones are
 * recognised, and `--map url=external-url,tags=category` names others.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Zone } from '../lib/time.js';
import { isSkippedName } from '../load/sources.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { readBookmarkDate, safeMarkdown, splitTags, type BookmarkRecord, type SourceProblem } from './records.js';

export type FieldMap = Partial<Record<'url' | 'title' | 'tags' | 'date' | 'body' | 'via', string>>;

const CANDIDATES: Record<keyof FieldMap, string[]> = {
  url: ['url', 'link', 'external-url', 'external_url', 'externalUrl', 'bookmark_of', 'bookmark-of', 'bookmarkOf', 'href', 'link_url', 'linkUrl'],
  title: ['title', 'name', 'description_title'],
  tags: ['tags', 'tag', 'categories', 'category', 'keywords'],
  date: ['date', 'published', 'created', 'pubDate', 'time'],
  body: ['description', 'summary', 'excerpt'],
  via: ['via', 'source', 'via_url'],
};

/** `url=external-url,tags=category` → a field map; throws on a bad pair. */
export function parseFieldMap(text: string | undefined): FieldMap {
  const map: FieldMap = {};
  if (!text) return map;
  for (const pair of text.split(',')) {
    const [k, v] = pair.split('=').map((s) => s.trim());
    if (!k || !v || !(k in CANDIDATES)) throw new Error(`--map: '${pair}' is not field=name with field one of ${Object.keys(CANDIDATES).join(', ')}`);
    map[k as keyof FieldMap] = v;
  }
  return map;
}

const TEMPLATE_TAG = /\{%.*?%\}|\{\{.*?\}\}/s;

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const item of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (item.name.startsWith('.') || item.name === 'node_modules') continue;
      const child = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) walk(child);
      else if (/\.(md|markdown)$/i.test(item.name) && !isSkippedName(item.name)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

export function parseMarkdownFolder(dir: string, zone: Zone, fieldMap: FieldMap = {}): { records: BookmarkRecord[]; problems: SourceProblem[]; files: number } {
  const records: BookmarkRecord[] = [];
  const problems: SourceProblem[] = [];
  const files = listMarkdown(dir);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const rel of files) {
    let text: string;
    try {
      text = decoder.decode(fs.readFileSync(path.join(dir, rel)));
    } catch {
      problems.push({ position: rel, message: 'is not valid UTF-8 text' });
      continue;
    }
    // The one front-matter reader: YAML only, never code (`---js` is refused, and the file skipped).
    const fm = readFrontMatter(text, { lenient: true });
    if (!fm.ok) {
      problems.push({ position: `${rel}:${fm.line}`, message: fm.message });
      continue;
    }
    const lenientNote = fm.repaired ? ['front matter read leniently: a quoted value ran over lines that were not indented'] : [];
    const data = fm.data;
    const content = fm.body;
    const pick = (field: keyof FieldMap): unknown => {
      const names = fieldMap[field] ? [fieldMap[field]!] : CANDIDATES[field];
      for (const n of names) if (data[n] !== undefined && data[n] !== null && data[n] !== '') return data[n];
      return undefined;
    };
    let url = pick('url');
    let title = pick('title');
    // IndieWeb's bookmark-of may be a mapping {url, title}.
    if (url && typeof url === 'object' && !Array.isArray(url)) {
      const o = url as Record<string, unknown>;
      title ??= o.title ?? o.name;
      url = o.url ?? o.href;
    }
    const rawTags = pick('tags');
    const tags = Array.isArray(rawTags) ? rawTags.filter((t) => t !== null && t !== undefined).map((t) => String(t).trim()).filter(Boolean) : splitTags(typeof rawTags === 'string' ? rawTags : undefined);
    let body = content.trim();
    if (!body) {
      const alt = pick('body');
      if (typeof alt === 'string') body = alt.trim();
    }
    const notes: string[] = [...lenientNote];
    const templated = TEMPLATE_TAG.test(body) || (typeof title === 'string' && TEMPLATE_TAG.test(title));
    if (templated) {
      notes.push('holds template tags of another generator ({% … %} or {{ … }}): imported as a draft, to be checked before it is published');
    }
    const via = pick('via');
    records.push({
      position: rel,
      url: typeof url === 'string' ? url.trim() : undefined,
      title: typeof title === 'string' || typeof title === 'number' ? String(title).trim() : undefined,
      body: safeMarkdown(body),
      tags: tags.filter((t) => !t.startsWith('_')),
      date: readBookmarkDate(pick('date') as string | undefined, zone),
      private: data.draft === true || data.published === false || templated,
      via: typeof via === 'string' ? via : undefined,
      notes,
    });
  }
  return { records, problems, files: files.length };
}
