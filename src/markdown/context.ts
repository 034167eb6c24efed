/** What one body's rendering reads besides its Markdown, and what the rehype plugins hand each other on the vfile. */
import type { Element } from 'hast';
import type { BodyWarning } from './html.js';

/** A URL whose feed form differs from the page form in the tree. */
export interface FeedUrl {
  node: Element;
  prop: string;
  value: string;
}

/** What a body's HTML depends on besides its Markdown. */
export interface BodyContext {
  /** Absolute URL of the entry's own page: relative links resolve against it. */
  permalink: string;
  /** The site's baseUrl (absolute, ends in `/`): `/x` links resolve against it. */
  baseUrl: string;
  /** The base path, e.g. `/links/`: site links in pages start with it. */
  basePath: string;
  /** Prefix for every id in the body, unique per entry, so many entries fit on one page. */
  idPrefix: string;
  /** Hosts whose iframes the body may embed (a host or a subdomain of it); none: every iframe is left out. */
  embeds: readonly string[];
}

declare module 'vfile' {
  interface DataMap {
    /** The entry whose body this is (read by rehype-prefix-ids and rehype-resolve-urls). */
    entry: BodyContext;
    /** The body's ids, after prefixing. */
    ids: Set<string>;
    /** URLs whose feed form differs from the page form in the tree. */
    feedUrls: FeedUrl[];
    /** What the sanitising plugins removed or mended, for the build report. */
    warnings: BodyWarning[];
    /** The body's headings, in order, at their levels below an `<h1>` title. */
    headings: Element[];
  }
}

