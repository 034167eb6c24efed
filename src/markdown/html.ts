/**
 * An entry's rendered commentary, apart from the Markdown stage that makes it: code
 * that only passes it around (the cache, worker replies) need not load unified.
 */

import type { DiagnosticCode } from '../lib/diagnostics.js';

/** The rendered commentary of one entry. */
export interface EntryHtml {
  /** For pages: links into the site are root-relative with the base path; headings below an `<h1>` title. */
  page: string;
  /** When the body has headings: `page` with them below a title at level 2–5 (`pageUnder[3]`: under an `<h3>`). */
  pageUnder?: Readonly<Record<number, string>>;
  /** For feeds: every URL absolute. */
  feed: string;
  /** What the sanitiser removed or mended; stored with the HTML, so a body from the cache reports them too. */
  warnings?: readonly BodyWarning[];
}

/** Something the sanitiser removed or mended in a body, at its line in the body (1-based). */
export interface BodyWarning {
  line: number;
  code: BodyWarningCode;
  message: string;
}

/** The codes of what the Markdown stage removed or mended (it reports nothing else as a warning). */
export const BODY_WARNING_CODES = ['body-html-removed', 'embed-refused', 'img-no-src', 'img-no-alt', 'body-control-char'] as const satisfies readonly DiagnosticCode[];
export type BodyWarningCode = (typeof BODY_WARNING_CODES)[number];

/**
 * A body's HTML, one string for both when they read the same: most links point off the
 * site, and equal strings made (or sent between threads) apart are otherwise two copies.
 */
export function entryHtml(page: string, feed: string, warnings?: readonly BodyWarning[], pageUnder?: EntryHtml['pageUnder']): EntryHtml {
  return { page, feed: feed === page ? page : feed, ...(pageUnder ? { pageUnder } : {}), ...(warnings?.length ? { warnings } : {}) };
}

/** The page HTML of a body whose title is shown at `level` (1–6): its headings one level below. */
export function pageHtmlUnder(html: EntryHtml | undefined, level: number): string {
  if (!html) return '';
  return (level > 1 && html.pageUnder?.[Math.min(level, 5)]) || html.page;
}
