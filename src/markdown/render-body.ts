/**
 * One entry's commentary to HTML, twice: for pages (links into the site root-relative,
 * with the base path) and for feeds (every URL absolute). The Markdown is parsed once;
 * the second stringify happens only when the two differ.
 */
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { entryHtml, type EntryHtml } from './html.js';
import type { BodyContext } from './context.js';
import { entryProcessor } from './processor.js';

export type { BodyContext } from './context.js';

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
