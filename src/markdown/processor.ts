/**
 * The unified processors, built once and frozen: GFM with footnotes, raw HTML parsed
 * and sanitised (schema.ts), and whatever that removes or mends reported. Four variants
 * of one pipeline, by whether a body can hold raw HTML or an `@`: each skips only work
 * that body provably cannot need.
 */
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { remarkGuardAutolinkTransform, remarkWithoutEmailAutolinks } from './gfm-shortcuts.js';
import rehypeEmbeds from './plugins/rehype-embeds.js';
import rehypePrefixIds from './plugins/rehype-prefix-ids.js';
import rehypeResolveUrls from './plugins/rehype-resolve-urls.js';
import rehypeSanitizeReported from './plugins/rehype-sanitize-reported.js';
import rehypeValidHtml from './plugins/rehype-valid-html.js';
import { bodySchema } from './schema.js';

/** Markdown to sanitised hast. Built from scratch each time: a copy of a frozen processor would carry its parser extensions twice. */
const toHast = (raw: boolean, shortcuts: PluggableList) => {
  const p = unified().use(remarkParse).use(remarkGfm).use(shortcuts).use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' });
  // rehype-raw re-parses the whole tree through an HTML parser; a body without raw
  // HTML gives the same tree without it, at a fraction of the cost. Each step after it
  // that removes or mends something says so (file.data.warnings).
  return (raw ? p.use(rehypeRaw) : p).use(rehypeEmbeds).use(rehypeSanitizeReported, bodySchema).use(rehypeValidHtml);
};

const withEmail: PluggableList = [remarkGuardAutolinkTransform];
const withoutEmail: PluggableList = [remarkGuardAutolinkTransform, remarkWithoutEmailAutolinks];
const MAY_HOLD_HTML = /<[a-zA-Z!/?]/;

/** Indexed by [holds raw HTML][holds an @]. */
const variants = <T>(make: (raw: boolean, shortcuts: PluggableList) => T) =>
  [
    [make(false, withoutEmail), make(false, withEmail)],
    [make(true, withoutEmail), make(true, withEmail)],
  ] as const;

/** For each body: the entry's ids and URLs (from `file.data.entry`), then HTML. */
const entryProcessors = variants((raw, shortcuts) => toHast(raw, shortcuts).use(rehypePrefixIds).use(rehypeResolveUrls).use(rehypeStringify).freeze());
const hastProcessors = variants((raw, shortcuts) => toHast(raw, shortcuts).freeze());

function pick<T>(list: ReturnType<typeof variants<T>>, markdown: string): T {
  return list[MAY_HOLD_HTML.test(markdown) ? 1 : 0][markdown.includes('@') ? 1 : 0];
}

/** The processor for one body, with the entry plugins and HTML output. */
export function entryProcessor(markdown: string) {
  return pick(entryProcessors, markdown);
}

/** Markdown → sanitised hast, before any per-entry handling. */
export function markdownToHast(markdown: string): Root {
  const p = pick(hastProcessors, markdown);
  return p.runSync(p.parse(markdown)) as Root;
}

/** For tests: the same body through plain remark-gfm, without the shortcuts. */
export function markdownToHastReference(markdown: string): Root {
  const p = referenceProcessors[MAY_HOLD_HTML.test(markdown) ? 1 : 0];
  return p.runSync(p.parse(markdown)) as Root;
}

const referenceProcessors = [toHast(false, []).freeze(), toHast(true, []).freeze()] as const;
