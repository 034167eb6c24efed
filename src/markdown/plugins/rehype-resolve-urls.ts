/**
 * rehype plugin: resolves every URL in a body against the entry's permalink (from
 * `file.data.entry`), so a relative link works wherever the entry is shown. The tree
 * gets the page form (links into the site root-relative, with the base path; links
 * to the body's own ids as `#id`); where the feed form differs (every URL absolute),
 * it is listed in `file.data.feedUrls` for a second stringify.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import type { BodyContext, FeedUrl } from '../context.js';
import { elementsOf } from './elements.js';

const URL_PROPS = ['href', 'src', 'cite', 'longDesc'] as const;

export default function rehypeResolveUrls() {
  return (tree: Root, file: VFile) => {
    const ctx = file.data.entry;
    if (!ctx) return;
    const ids = file.data.ids ?? new Set<string>();
    const feedUrls: FeedUrl[] = [];
    const siteRoot = new URL(ctx.baseUrl).origin + ctx.basePath;
    const forPage = (abs: string) => (abs.startsWith(siteRoot) ? ctx.basePath + abs.slice(siteRoot.length) : abs);
    const set = (node: Element, prop: string, page: string, feed: string) => {
      node.properties[prop] = page;
      if (feed !== page) feedUrls.push({ node, prop, value: feed });
    };
    for (const node of elementsOf(tree)) {
      const props = node.properties;
      for (const prop of URL_PROPS) {
        const value = props[prop];
        if (typeof value !== 'string') continue;
        if (value.startsWith('#')) {
          const target = ctx.idPrefix + safeDecode(value.slice(1));
          if (ids.has(target)) {
            set(node, prop, `#${target}`, `${ctx.permalink}#${encodeURIComponent(target)}`);
            continue;
          }
        }
        const abs = resolve(value, ctx);
        if (abs === undefined) delete props[prop];
        else set(node, prop, forPage(abs), abs);
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
          const join = (f: (abs: string) => string) => resolved.map((r) => [f(r!.abs), r!.descriptor].filter(Boolean).join(' ')).join(', ');
          set(node, 'srcSet', join(forPage), join((a) => a));
        }
      }
    }
    file.data.feedUrls = feedUrls;
  };
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
