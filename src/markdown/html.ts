/**
 * An entry's rendered commentary, apart from the Markdown stage that makes it: code
 * that only passes it around (the cache, worker replies) need not load unified.
 */

/** The rendered commentary of one entry. */
export interface EntryHtml {
  /** For pages: links into the site are root-relative with the base path. */
  page: string;
  /** For feeds: every URL absolute. */
  feed: string;
}

/**
 * A body's HTML, one string for both when they read the same: most links point off the
 * site, and equal strings made (or sent between threads) apart are otherwise two copies.
 */
export function entryHtml(page: string, feed: string): EntryHtml {
  return { page, feed: feed === page ? page : feed };
}
