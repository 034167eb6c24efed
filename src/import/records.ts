/** What every importer produces, and the helpers they share: dates, tags, commentary. */
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { markdownToHast } from '../markdown/processor.js';
import type { Zone } from '../lib/time.js';
import { parseDate } from '../parse/dates.js';

/** One bookmark as read from a source, before it is checked. */
export interface BookmarkRecord {
  /** Where it is in the source, for messages: `line 12`, `item 3`, a file path. */
  position: string;
  url?: string;
  title?: string;
  /** The commentary, as Markdown. */
  body: string;
  tags: string[];
  /** undefined: the source gives no date. */
  date?: { instant: number; hasTime: boolean } | { unreadable: string };
  updated?: number;
  private: boolean;
  via?: string | { name?: string; url?: string };
  /** The slug the source used, kept when it is free. */
  slug?: string;
  /** Other fields worth keeping in the front matter. */
  extra?: Record<string, unknown>;
  /** Things to tell the author about this record that do not stop its import. */
  notes?: string[];
}

export interface SourceProblem {
  position: string;
  message: string;
}

const APACHE_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date in any form real exports use: epoch seconds, milliseconds or
 * microseconds; ISO 8601; the Apache log form `10/Oct/2000:13:55:36 +0300`.
 */
export function readBookmarkDate(raw: string | number | undefined | null, zone: Zone): BookmarkRecord['date'] {
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw).trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    // Some exporters write 0 for "no date".
    if (n === 0) return undefined;
    // By magnitude: seconds until 5138 CE, then milliseconds, then microseconds.
    const ms = n >= 1e14 ? n / 1000 : n >= 1e11 ? n : n * 1000;
    if (!Number.isFinite(ms)) return { unreadable: text };
    return { instant: Math.round(ms), hasTime: true };
  }
  const apache = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})\s*([+-]\d{2}):?(\d{2})$/.exec(text);
  if (apache) {
    const month = APACHE_MONTHS.indexOf(apache[2].toLowerCase());
    if (month < 0) return { unreadable: text };
    const sign = apache[7].startsWith('-') ? -1 : 1;
    const offset = sign * (Math.abs(Number(apache[7])) * 60 + Number(apache[8])) * 60_000;
    const utc = Date.UTC(Number(apache[3]), month, Number(apache[1]), Number(apache[4]), Number(apache[5]), Number(apache[6]));
    return { instant: utc - offset, hasTime: true };
  }
  const parsed = parseDate(text, zone);
  if (typeof parsed === 'string') {
    // Last resort for RFC 2822 and similar forms some tools write.
    const ms = Date.parse(text);
    return Number.isNaN(ms) || !/\d{4}/.test(text) ? { unreadable: text } : { instant: ms, hasTime: true };
  }
  return { instant: parsed.instant, hasTime: parsed.hasTime };
}

/** Tags as exporters write them: comma-separated when there is a comma, else space-separated. */
export function splitTags(raw: string | undefined | null): string[] {
  if (!raw) return [];
  const parts = raw.includes(',') ? raw.split(',') : raw.split(/\s+/);
  return parts.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

/** Escapes plain text so that Markdown shows it as written. */
export function textToMarkdown(text: string): string {
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (!clean) return '';
  return toMarkdown({ type: 'root', children: clean.split(/\n{2,}/).map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p }] })) }).trim();
}

/** HTML commentary → Markdown, through the sanitiser first: nothing that runs script survives. */
export function htmlToMarkdown(html: string): string {
  const tree = sanitize(fromHtml(html, { fragment: true })) as HastRoot;
  const mdast = toMdast(tree);
  return toMarkdown(mdast as Parameters<typeof toMarkdown>[0], { bullet: '-', emphasis: '_', rule: '-' }).trim();
}

const MAY_RUN_SCRIPT = /<\s*(script|iframe|object|embed|style|form|svg|math|base|meta|link)\b|\son[a-z]+\s*=|javascript\s*:|data\s*:\s*text\/html/i;

/**
 * Markdown whose raw HTML could run script is passed through the sanitiser
 * (Markdown → sanitised HTML → Markdown). Other Markdown is kept as written.
 */
export function safeMarkdown(markdown: string): string {
  if (!MAY_RUN_SCRIPT.test(markdown)) return markdown;
  const mdast = toMdast(markdownToHast(markdown));
  return toMarkdown(mdast as Parameters<typeof toMarkdown>[0], { bullet: '-', emphasis: '_', rule: '-' }).trim();
}

/** Does this text hold HTML markup (rather than plain text)? */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i.test(text);
}
