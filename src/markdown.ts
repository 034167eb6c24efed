/**
 * The Markdown stage: one frozen unified processor (GFM, footnotes, raw HTML
 * sanitised), then per entry: ids made unique to the entry and every URL
 * resolved against the entry's permalink, stringified once for pages
 * (site links root-relative, with the base path) and once for feeds (all absolute).
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { remarkGuardAutolinkTransform, remarkWithoutEmailAutolinks } from './gfm-shortcuts.js';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { entryHtml, type EntryHtml } from './entry-html.js';

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

// GitHub's schema, minus its `user-content-` clobbering (ids get a per-entry prefix
// instead), plus a few inline elements quotes use that cannot run anything.
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'cite', 'mark', 'small', 'time', 'figure', 'figcaption', 'u'],
  attributes: { ...defaultSchema.attributes, img: [...(defaultSchema.attributes?.img ?? []), 'srcSet'] },
};

// Each processor is built from scratch: a copy of a frozen processor would carry its
// parser extensions and gain a second set when frozen again.
const processor = (raw: boolean, shortcuts: PluggableList) => {
  const q = unified().use(remarkParse).use(remarkGfm).use(shortcuts).use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' });
  // rehype-raw re-parses the whole tree through an HTML parser; a body without raw
  // HTML gives the same tree without it, at a fraction of the cost.
  return (raw ? q.use(rehypeRaw) : q).use(rehypeSanitize, schema).freeze();
};
const withEmail: PluggableList = [remarkGuardAutolinkTransform];
const withoutEmail: PluggableList = [remarkGuardAutolinkTransform, remarkWithoutEmailAutolinks];
// Indexed by [holds raw HTML][holds an @].
const processors = [
  [processor(false, withoutEmail), processor(false, withEmail)],
  [processor(true, withoutEmail), processor(true, withEmail)],
] as const;
const MAY_HOLD_HTML = /<[a-zA-Z!/?]/;

/** Markdown → sanitised hast, before any per-entry URL handling. */
export function markdownToHast(markdown: string): Root {
  const p = processors[MAY_HOLD_HTML.test(markdown) ? 1 : 0][markdown.includes('@') ? 1 : 0];
  return p.runSync(p.parse(markdown)) as Root;
}

let reference: Array<ReturnType<typeof processor>> | undefined;
/** For tests: the same body through plain remark-gfm, without the shortcuts. */
export function markdownToHastReference(markdown: string): Root {
  reference ??= [processor(false, []), processor(true, [])];
  const p = reference[MAY_HOLD_HTML.test(markdown) ? 1 : 0];
  return p.runSync(p.parse(markdown)) as Root;
}

const URL_PROPS = ['href', 'src', 'cite', 'longDesc'] as const;
const ID_LIST_PROPS = ['ariaDescribedBy', 'ariaLabelledBy'] as const;

interface Slot {
  node: Element;
  prop: string;
  page: string;
  feed: string;
}

export function renderBody(markdown: string, ctx: BodyContext): EntryHtml {
  const tree = markdownToHast(markdown);
  // One walk collects the elements; both passes below are over this list.
  const elements = elementsOf(tree);
  const ids = prefixIds(elements, ctx.idPrefix);
  const slots: Slot[] = [];
  const origin = new URL(ctx.baseUrl).origin;
  const siteRoot = origin + ctx.basePath;
  const forPage = (abs: string) => (abs.startsWith(siteRoot) ? ctx.basePath + abs.slice(siteRoot.length) : abs);

  for (const node of elements) {
    const props = node.properties;
    for (const prop of URL_PROPS) {
      const value = props[prop];
      if (typeof value !== 'string') continue;
      if (value.startsWith('#')) {
        const target = ctx.idPrefix + safeDecode(value.slice(1));
        if (ids.has(target)) {
          slots.push({ node, prop, page: `#${target}`, feed: `${ctx.permalink}#${encodeURIComponent(target)}` });
          continue;
        }
      }
      const abs = resolve(value, ctx);
      if (abs === undefined) delete props[prop];
      else slots.push({ node, prop, page: forPage(abs), feed: abs });
    }
    const srcSet = props.srcSet;
    if (srcSet !== undefined) {
      const list = (Array.isArray(srcSet) ? srcSet.join(',') : String(srcSet)).split(',');
      const resolved = list.map((item) => {
        const [url, ...descriptor] = item.trim().split(/\s+/);
        const abs = url ? resolve(url, ctx) : undefined;
        return abs === undefined ? undefined : { abs, descriptor: descriptor.join(' ') };
      });
      if (resolved.some((r) => r === undefined)) delete props.srcSet;
      else {
        const join = (f: (abs: string) => string) =>
          resolved.map((r) => [f(r!.abs), r!.descriptor].filter(Boolean).join(' ')).join(', ');
        slots.push({ node, prop: 'srcSet', page: join(forPage), feed: join((a) => a) });
      }
    }
  }

  // Stringify once with a marker in each URL slot, then fill the markers in twice:
  // half the cost of stringifying a tree per variant.
  const marker = (i: number) => `\u{e000}${i}\u{e001}`;
  slots.forEach((s, i) => (s.node.properties[s.prop] = marker(i)));
  const html = toHtml(tree);
  if (slots.length === 0) return { page: html, feed: html };
  const parts = html.split(/\u{e000}(\d+)\u{e001}/u);
  let page = '';
  let feed = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      page += parts[i];
      feed += parts[i];
    } else {
      const s = slots[Number(parts[i])];
      page += escapeAttribute(s.page);
      feed += escapeAttribute(s.feed);
    }
  }
  return entryHtml(page, feed);
}

/** What hast-util-to-html does to a double-quoted attribute value. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');
}

function resolve(value: string, ctx: BodyContext): string | undefined {
  const text = value.trim();
  try {
    // A root-relative link points into the site, so it takes the base path.
    if (text.startsWith('/') && !text.startsWith('//')) return new URL(text.slice(1), ctx.baseUrl).href;
    return new URL(text, ctx.permalink).href;
  } catch {
    return undefined;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Prefixes every id and name, and the id lists that refer to them; returns the new ids. */
function prefixIds(elements: readonly Element[], prefix: string): Set<string> {
  const ids = new Set<string>();
  for (const node of elements) {
    const p = node.properties;
    for (const prop of ['id', 'name']) {
      const v = p[prop];
      if (typeof v === 'string' && v !== '') {
        p[prop] = prefix + v;
        ids.add(prefix + v);
      }
    }
    for (const prop of ID_LIST_PROPS) {
      const v = p[prop];
      if (Array.isArray(v)) p[prop] = v.map((x) => prefix + String(x));
      else if (typeof v === 'string') p[prop] = [prefix + v];
    }
  }
  return ids;
}

/** Every element in document order (what unist-util-visit would visit, without its per-node cost). */
function elementsOf(tree: Root): Element[] {
  const out: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      out.push(child);
      walk(child);
    }
  };
  walk(tree);
  return out;
}
