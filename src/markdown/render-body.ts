/**
 * One entry's commentary to HTML, twice: for pages (links into the site root-relative,
 * with the base path) and for feeds (every URL absolute). The Markdown is parsed once;
 * the second stringify happens only when the two differ.
 */
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { entryHtml, type EntryHtml } from './html.js';
import type { FeedUrl } from './plugins/rehype-resolve-urls.js';
import { entryProcessor } from './processor.js';

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
}

declare module 'vfile' {
  interface DataMap {
    /** The entry whose body this is (read by rehype-prefix-ids and rehype-resolve-urls). */
    entry: BodyContext;
    /** The body's ids, after prefixing. */
    ids: Set<string>;
    /** URLs whose feed form differs from the page form in the tree. */
    feedUrls: FeedUrl[];
  }
}

export function renderBody(markdown: string, ctx: BodyContext): EntryHtml {
  const processor = entryProcessor(markdown);
  const file = new VFile({ value: markdown, data: { entry: ctx } });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const page = String(processor.stringify(tree, file));
  const feedUrls = file.data.feedUrls ?? [];
  if (feedUrls.length === 0) return entryHtml(page, page);
  for (const u of feedUrls) u.node.properties[u.prop] = u.value;
  return entryHtml(page, String(processor.stringify(tree, file)));
}
