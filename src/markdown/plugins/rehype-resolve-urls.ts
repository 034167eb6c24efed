/**
 * rehype plugin: resolves every URL in a body against the entry's permalink (from
 * `file.data.entry`), so a relative link works wherever the entry is shown. The tree
 * gets the page form (links into the site root-relative, with the base path; links
 * to the body's own ids as `#id`); where the feed form differs (every URL absolute),
 * it is listed in `file.data.feedUrls` for a second stringify. Every URL is serialised
 * as the Nu checker accepts it (lib/href.ts).
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { htmlUrl } from '../../lib/href.js';
import type { BodyContext, FeedUrl } from '../context.js';
import { elementsOf } from './elements.js';

const URL_PROPS = ['href', 'src', 'cite', 'longDesc', 'poster'] as const;

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
            set(node, prop, htmlUrl(`#${target}`), `${ctx.permalink}#${encodeURIComponent(target)}`);
            continue;
          }
        }
        const abs = resolve(value, ctx);
        if (abs === undefined) delete props[prop];
        else set(node, prop, forPage(abs), abs);
      }
      const srcSet = props.srcSet;
      if (srcSet !== undefined) {
        // Each candidate is held to what `src` is: an http(s) URL once resolved. One that is
        // not (javascript:, data:…) drops the whole srcset; `src` stays.
        const candidates = parseSrcset(Array.isArray(srcSet) ? srcSet.join(',') : String(srcSet));
        const resolved = candidates.map(({ url, descriptor }) => {
          const abs = resolve(url, ctx);
          return abs !== undefined && /^https?:/.test(abs) ? { abs, descriptor } : undefined;
        });
        if (resolved.length === 0 || resolved.some((r) => r === undefined)) delete props.srcSet;
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
    if (text.startsWith('/') && !text.startsWith('//')) return htmlUrl(new URL(text.slice(1), ctx.baseUrl).href);
    return htmlUrl(new URL(text, ctx.permalink).href);
  } catch {
    return undefined;
  }
}

/**
 * The candidates of a srcset as HTML reads them: a URL is a run of non-spaces (commas
 * in it, as in `data:` URLs, belong to it, except at its end), then descriptors up to a
 * comma outside parentheses.
 */
export function parseSrcset(text: string): Array<{ url: string; descriptor: string }> {
  const out: Array<{ url: string; descriptor: string }> = [];
  let i = 0;
  const n = text.length;
  const space = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    while (i < n && (space(text[i]) || text[i] === ',')) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !space(text[j])) j++;
    let url = text.slice(i, j);
    i = j;
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let depth = 0;
      const start = i;
      for (; i < n; i++) {
        const c = text[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
      }
      descriptor = text.slice(start, i).trim().replace(/\s+/g, ' ');
      i++;
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
